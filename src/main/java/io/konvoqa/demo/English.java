package io.konvoqa.demo;

import static io.konvoqa.demo.Intent.*;

import io.konvoqa.demo.Phrases.AgentLines;
import io.konvoqa.demo.Phrases.AiLines;
import io.konvoqa.demo.Phrases.CustomerLines;
import io.konvoqa.demo.Phrases.Script;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The English-speaking customers of the demo shop, and the AI and agents answering them. */
final class English {
  private English() {}

  static final Phrases PHRASES = new Phrases("en", scripts(), customer(), ai(), agent());

  private static Map<Intent, Script> scripts() {
    Map<Intent, Script> s = new EnumMap<>(Intent.class);
    s.put(ORDER_STATUS, new Script(List.of(
        "Hi, where is my order {order}? It's been a week already.",
        "where is my order?? ordered last monday and still nothing",
        "Hello, can you tell me the status of order {order}? Thanks",
        "Where is my order {order}? The tracking hasn't changed in 3 days 📦",
        "Hey, where is my order? Order number {order}"), List.of(
        "Thanks for your message! Order {order} was shipped yesterday and should arrive within 1-2 business days. The tracking link is in your shipping confirmation e-mail.",
        "Let me check that for you. Order {order} is at the parcel centre and is expected to be delivered tomorrow 📦"), List.of(
        "The courier usually delivers between 9am and 6pm. You can follow the parcel live with the tracking link.",
        "If the parcel has not arrived by Friday, just message us again and we will open an investigation with the carrier.")));
    s.put(RETURN_REQUEST, new Script(List.of(
        "Hi, I want to return the sneakers from order {order}, they are too small.",
        "I want to return my jacket, how does that work?",
        "Hello, I'd like to send back two items from order {order}. Can I get a return label?",
        "I want to return order {order}, the colour looks different than on the website"), List.of(
        "No problem! You can register your return for order {order} in our returns portal at shop.example.com/returns. You will get a free return label by e-mail.",
        "Sure! Returns are free within 14 days. I've just sent a return label for order {order} to your e-mail address."), List.of(
        "Please pack the items in the original box if you still have it and drop the parcel at any DHL point.",
        "As soon as the return arrives at our warehouse, we refund the amount within 5 business days.")));
    s.put(REFUND, new Script(List.of(
        "When will I get my refund for order {order}? I sent the package back two weeks ago.",
        "I still haven't received my refund!",
        "Hi, I returned the items from {order} but no money back yet.",
        "Can you check the refund status for order {order} please?"), List.of(
        "I've checked order {order}: your return arrived on Monday and the refund was issued today. Depending on your bank it takes 3-5 business days to show.",
        "Thanks for your patience! The refund for order {order} has been approved and is on its way to your original payment method."), List.of(
        "For PayPal payments the refund usually shows within 24 hours, for credit cards it can take a few more days.",
        "You will also receive a confirmation e-mail with the exact amount.")));
    s.put(DELIVERY_ISSUE, new Script(List.of(
        "My parcel says delivered but I never got it. Order {order}",
        "Hi, my parcel arrived damaged 😞 order {order}",
        "The courier left my parcel at the wrong address",
        "The package for {order} is missing an item"), List.of(
        "I'm sorry to hear that! I've opened a claim with the carrier for order {order}. Could you please check with your neighbours in the meantime?",
        "That's annoying, sorry! I've reported the problem with order {order} and we will send a replacement as soon as the carrier confirms."), List.of(
        "The carrier usually answers claims within 2-3 business days. We will keep you posted by e-mail.",
        "If you have a photo of the parcel, you can simply reply with it here. That speeds up the claim.")));
    s.put(PRODUCT_QUESTION, new Script(List.of(
        "Do you have the Trail Runner 2 in size 44?",
        "Is the merino sweater machine washable?",
        "Hi! What's the difference between the Classic and the Pro backpack? 😊",
        "Will the linen shirt in navy be back in stock soon?"), List.of(
        "Good question! The Trail Runner 2 is available in sizes 38 to 47, and size 44 is in stock right now.",
        "Happy to help! The merino sweater can be washed at 30°C on the wool programme. The Pro backpack has a padded laptop sleeve and a rain cover, the Classic does not."), List.of(
        "The navy linen shirt will be back in stock in about two weeks. You can sign up for an e-mail alert on the product page.",
        "Our size guide on the product page shows the exact measurements for each size.")));
    s.put(PAYMENT, new Script(List.of(
        "My payment failed but the money was taken from my account. Order {order}",
        "payment failed three times with my credit card, what's wrong?",
        "Can I pay with PayPal? Checkout keeps giving an error",
        "Hi, I was charged twice for order {order}"), List.of(
        "Sorry for the trouble! The amount for order {order} is only reserved by your bank and will be released automatically within 3-5 days.",
        "Thanks for letting me know. Your card issuer declined the payment, so no order was created. Please try again with PayPal or another card."), List.of(
        "We accept credit cards, PayPal, Klarna and Apple Pay.",
        "I've noted the double charge on order {order}; the second amount will be returned to your account.")));
    s.put(CANCEL_ORDER, new Script(List.of(
        "Please cancel my order {order}, I ordered the wrong size.",
        "Hi, can I still cancel my order? I just placed it 10 minutes ago",
        "I need to cancel my order {order} asap",
        "I changed my mind about {order}, please don't ship it"), List.of(
        "Done! Order {order} has been cancelled and you will receive a confirmation e-mail shortly.",
        "Good timing: order {order} had not been packed yet, so I was able to cancel it."), List.of(
        "The payment reservation will be released by your bank within a few days.",
        "If you want the right size instead, you can simply place a new order on our website.")));
    s.put(DISCOUNT_CODE, new Script(List.of(
        "My discount code WELCOME10 doesn't work 😕",
        "Hi, I forgot to enter my discount code for order {order}, can you still apply it?",
        "Do you have a discount code for students?",
        "The voucher from your newsletter says invalid"), List.of(
        "Let me look into it! WELCOME10 is valid for a first order over 50 €, which is probably why it was not accepted.",
        "No problem, I've applied the 10% discount to order {order} and the difference will be refunded to you."), List.of(
        "Students get 15% off after verifying with UNiDAYS on our website.",
        "Newsletter vouchers are valid for 14 days after they are sent.")));
    s.put(CONCIERGE, new Script(List.of(
        "Hi! I'm looking for a birthday present for my sister, any ideas? 😊",
        "What are your opening hours for the store in Berlin?",
        "Hello, do you ship to Switzerland?",
        "Can you recommend a waterproof jacket for hiking?"), List.of(
        "I'd love to help! Our most popular gifts right now are the merino scarf and the leather weekender bag.",
        "Our Berlin store is open Monday to Saturday from 10am to 8pm. And yes, we ship to Switzerland, too."), List.of(
        "For hiking I'd recommend the Storm Shell jacket: it is fully waterproof and very light.",
        "You can find all our new arrivals in the 'New in' category on the homepage.")));
    s.put(HANDOVER, new Script(List.of(
        "I want to speak to a human please",
        "Can I talk to a real person? This is the third time I'm writing about order {order}.",
        "agent please",
        "Please connect me with customer service, I have a complaint about {order}"), List.of(), List.of()));
    return s;
  }

  private static CustomerLines customer() {
    return new CustomerLines(List.of(
        "The order number is {order}",
        "My e-mail is {email}",
        "You can call me on {phone} if that's easier",
        "I ordered on the website, not in the app",
        "My e-mail address for the order is {email}, phone {phone}"), List.of(
        "And how long will that take?",
        "ok, and what happens next?",
        "Is there anything else I need to do?",
        "Can you tell me a bit more?"), List.of(
        "Thanks!", "Great, thank you 🙏", "perfect, thanks a lot", "ok thx", "Thank you so much 😊"), List.of(
        "That doesn't answer my question.",
        "This is not helpful at all",
        "Hm, that doesn't solve my problem",
        "I'll call the hotline then."), List.of(
        "No, I want to return something, not buy something new!",
        "I asked how to return my order {order}."), List.of(
        " I have to say I'm really disappointed. I have been a loyal customer for years and usually everything works perfectly, but this time nothing went right: the delivery was late, the box was half open when it arrived, and one of the items looks like it has already been worn. I tried to call your hotline twice yesterday but waited more than 20 minutes each time before giving up. I really need this sorted out before the weekend because the things were meant as a present. Please get back to me as soon as possible.",
        " Some background so you have the whole story: I ordered on Sunday evening and chose express shipping because I'm travelling next Thursday and need the things before then. The confirmation e-mail came right away, but since then I haven't heard anything, and the tracking page just says 'label created'. I've already checked with my neighbours and the parcel shop around the corner. I don't want to order everything a second time and end up paying twice, so I'd be grateful for a clear answer on what happens next."),
        "Hello,\n\n", "\n\nBest regards,\n{name}");
  }

  private static AiLines ai() {
    return new AiLines(List.of(
        "Thanks for the details, I've added a note to your order.",
        "Understood! I've updated your customer account so our team has the full picture.",
        "Got it, thank you. Is there anything else I can check for you?",
        "Thanks! I've saved that for you."), List.of(
        "You're welcome! Have a great day 😊",
        "Happy to help! Enjoy your purchase.",
        "Glad I could help. Have a nice day!"), List.of(
        "I'm sorry this hasn't been solved yet. I've forwarded your request to our support team, who will reply by e-mail within 24 hours.",
        "I understand, and I'm sorry. A colleague from our support team will look into this personally and get back to you."), List.of(
        "Of course! I'm connecting you with one of our service agents now. This can take a few minutes.",
        "Sure, I'm handing you over to a colleague from customer service. Please stay in this chat."),
        "You're welcome! Returns can be registered in our returns portal at shop.example.com/returns 😊");
  }

  private static AgentLines agent() {
    return new AgentLines(List.of(
        "Hi, this is {agent} from customer service. I've read your messages – how can I help?",
        "Hello! {agent} here from the service team. Let me take a look at this for you."), List.of(
        "I've checked everything and sent you a voucher worth 10 € for the inconvenience.",
        "Thanks, I can see the order now. I've arranged a replacement that ships today.",
        "I've escalated this to our logistics team and will update you tomorrow.",
        "Could you send me a photo of the item, please?",
        "Thanks for your patience, I'm checking with the warehouse now."), List.of(
        "You're welcome! Have a good day.", "Glad we could sort it out. Take care!"), List.of(
        "I'm sorry I couldn't solve it right away. I'll call you back tomorrow morning.",
        "I've opened a ticket; our complaints team will contact you within two days."));
  }
}

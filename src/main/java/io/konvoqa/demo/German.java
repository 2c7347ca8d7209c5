package io.konvoqa.demo;

import static io.konvoqa.demo.Intent.*;

import io.konvoqa.demo.Phrases.AgentLines;
import io.konvoqa.demo.Phrases.AiLines;
import io.konvoqa.demo.Phrases.CustomerLines;
import io.konvoqa.demo.Phrases.Script;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The German-speaking customers of the demo shop, and the AI and agents answering them. */
final class German {
  private German() {}

  static final Phrases PHRASES = new Phrases("de", scripts(), customer(), ai(), agent());

  private static Map<Intent, Script> scripts() {
    Map<Intent, Script> s = new EnumMap<>(Intent.class);
    s.put(ORDER_STATUS, new Script(List.of(
        "Hallo, wo ist meine Bestellung {order}?",
        "wo ist meine bestellung? hab vor einer woche bestellt",
        "Guten Tag, können Sie mir sagen, wann meine Bestellung {order} ankommt?",
        "Wo ist meine Bestellung {order}? Die Sendungsverfolgung zeigt seit Tagen nichts Neues 📦"), List.of(
        "Danke für Ihre Nachricht! Ihre Bestellung {order} wurde gestern verschickt und sollte in 1-2 Werktagen bei Ihnen sein. Den Tracking-Link finden Sie in Ihrer Versandbestätigung.",
        "Ich schaue kurz nach: Ihre Bestellung {order} ist im Paketzentrum und wird voraussichtlich morgen zugestellt 📦"), List.of(
        "Der Paketdienst stellt meist zwischen 9 und 18 Uhr zu. Mit dem Tracking-Link können Sie die Sendung live verfolgen.",
        "Falls das Paket bis Freitag nicht da ist, schreiben Sie uns einfach noch einmal, dann starten wir einen Nachforschungsauftrag.")));
    s.put(RETURN_REQUEST, new Script(List.of(
        "Hallo, ich möchte meine Bestellung {order} zurücksenden. Wie geht das?",
        "Ich möchte die Schuhe zurücksenden, sie sind zu klein.",
        "Wie funktioniert die Rücksendung? Bestellung {order}",
        "Guten Tag, ich brauche ein Rücksendeetikett für {order}.",
        "Ich möchte eine Rücksendung anmelden, die Jacke passt leider nicht.",
        "Die Hose ist zu lang, kann ich sie zurückschicken?"), List.of(
        "Kein Problem! Sie können die Rücksendung für {order} in unserem Retourenportal unter shop.example.de/retouren anmelden. Das Rücksendeetikett bekommen Sie kostenlos per E-Mail.",
        "Gerne! Rücksendungen sind innerhalb von 14 Tagen kostenlos. Ich habe Ihnen gerade ein Rücksendeetikett für {order} per E-Mail geschickt."), List.of(
        "Bitte verpacken Sie die Artikel möglichst im Originalkarton und geben Sie das Paket in einer DHL-Filiale ab.",
        "Sobald die Rücksendung in unserem Lager ist, erstatten wir den Betrag innerhalb von 5 Werktagen.")));
    s.put(REFUND, new Script(List.of(
        "Wann bekomme ich meine Erstattung für Bestellung {order}?",
        "Ich warte immer noch auf die Erstattung, das Paket ist seit zwei Wochen bei Ihnen.",
        "Hallo, wo bleibt mein Geld? Ich habe {order} schon zurückgeschickt.",
        "Bitte um Erstattung des Betrags für {order}, danke"), List.of(
        "Ich habe nachgesehen: Ihre Retoure zu {order} ist am Montag angekommen und die Erstattung wurde heute veranlasst. Je nach Bank dauert es 3-5 Werktage.",
        "Danke für Ihre Geduld! Die Erstattung für {order} ist freigegeben und auf dem Weg zu Ihrer ursprünglichen Zahlungsart."), List.of(
        "Bei PayPal ist der Betrag meist innerhalb von 24 Stunden da, bei Kreditkarten kann es ein paar Tage länger dauern.",
        "Sie erhalten außerdem eine Bestätigung mit dem genauen Betrag per E-Mail.")));
    s.put(DELIVERY_ISSUE, new Script(List.of(
        "Mein Paket wurde als zugestellt markiert, ist aber nicht da. Bestellung {order}",
        "Das Paket ist beschädigt angekommen 😞 ({order})",
        "In meinem Paket fehlt ein Artikel, Bestellung {order}",
        "Der Bote hat mein Paket beim Nachbarn abgegeben, aber der ist im Urlaub."), List.of(
        "Das tut mir leid! Ich habe für {order} einen Nachforschungsauftrag beim Paketdienst gestartet. Könnten Sie in der Zwischenzeit bei Ihren Nachbarn nachfragen?",
        "Ärgerlich, entschuldigen Sie bitte! Ich habe das Problem mit {order} gemeldet, und wir schicken Ersatz, sobald der Paketdienst es bestätigt."), List.of(
        "Der Paketdienst beantwortet Nachforschungen meist innerhalb von 2-3 Werktagen. Wir halten Sie per E-Mail auf dem Laufenden.",
        "Wenn Sie ein Foto vom Paket haben, schicken Sie es gerne hier. Das beschleunigt die Klärung.")));
    s.put(PRODUCT_QUESTION, new Script(List.of(
        "Haben Sie den Trail Runner 2 auch in Größe 44?",
        "Kann man den Merino-Pullover in der Maschine waschen?",
        "Hallo! Was ist der Unterschied zwischen dem Classic und dem Pro Rucksack? 😊",
        "Gibt es das Leinenhemd in Navy bald wieder?"), List.of(
        "Gute Frage! Den Trail Runner 2 gibt es in den Größen 38 bis 47, Größe 44 ist gerade auf Lager.",
        "Gerne! Der Merino-Pullover kann bei 30 °C im Wollprogramm gewaschen werden. Der Pro Rucksack hat ein gepolstertes Laptopfach und eine Regenhülle, der Classic nicht."), List.of(
        "Das Leinenhemd in Navy ist in etwa zwei Wochen wieder da. Auf der Produktseite können Sie sich per E-Mail benachrichtigen lassen.",
        "In der Größentabelle auf der Produktseite finden Sie die genauen Maße.")));
    s.put(PAYMENT, new Script(List.of(
        "Meine Zahlung ist fehlgeschlagen, aber das Geld wurde abgebucht. Bestellung {order}",
        "Zahlung mit Kreditkarte klappt nicht, was kann ich tun?",
        "Mir wurde die Bestellung {order} doppelt abgebucht!",
        "Kann ich auch per Rechnung bezahlen? Die Zahlung mit PayPal geht nicht."), List.of(
        "Entschuldigen Sie die Umstände! Der Betrag für {order} ist von Ihrer Bank nur reserviert und wird in 3-5 Tagen automatisch freigegeben.",
        "Danke für den Hinweis. Ihre Bank hat die Zahlung abgelehnt, deshalb wurde keine Bestellung angelegt. Bitte versuchen Sie es mit PayPal oder einer anderen Karte."), List.of(
        "Wir akzeptieren Kreditkarte, PayPal, Klarna (auch Kauf auf Rechnung) und Apple Pay.",
        "Ich habe die doppelte Abbuchung bei {order} vermerkt; der zweite Betrag wird Ihnen zurückerstattet.")));
    s.put(CANCEL_ORDER, new Script(List.of(
        "Bitte stornieren Sie meine Bestellung {order}.",
        "Kann ich meine Bestellung noch stornieren? Habe mich vertan.",
        "Ich möchte die Bestellung {order} stornieren, falsche Größe bestellt",
        "Bitte {order} nicht verschicken, ich brauche das nicht mehr"), List.of(
        "Erledigt! Die Bestellung {order} ist storniert, Sie erhalten gleich eine Bestätigung per E-Mail.",
        "Das hat gerade noch geklappt: {order} war noch nicht verpackt, ich konnte sie stornieren."), List.of(
        "Die Reservierung des Betrags gibt Ihre Bank in ein paar Tagen wieder frei.",
        "Wenn Sie die richtige Größe möchten, bestellen Sie einfach neu in unserem Shop.")));
    s.put(DISCOUNT_CODE, new Script(List.of(
        "Mein Gutschein WELCOME10 funktioniert nicht 😕",
        "Ich habe vergessen, den Gutscheincode bei {order} einzugeben. Geht das noch nachträglich?",
        "Gibt es einen Gutschein für Studenten?",
        "Der Rabattcode aus dem Newsletter wird als ungültig angezeigt"), List.of(
        "Ich schaue nach! WELCOME10 gilt für die erste Bestellung ab 50 €, daran lag es vermutlich.",
        "Kein Problem, ich habe die 10 % Rabatt auf {order} angewendet, die Differenz wird Ihnen erstattet."), List.of(
        "Studierende bekommen 15 % Rabatt nach der Verifizierung über UNiDAYS auf unserer Website.",
        "Newsletter-Gutscheine sind 14 Tage nach dem Versand gültig.")));
    s.put(CONCIERGE, new Script(List.of(
        "Hallo! Ich suche ein Geschenk für meine Schwester, haben Sie Ideen? 😊",
        "Wie sind die Öffnungszeiten im Laden in Hamburg?",
        "Liefern Sie auch in die Schweiz?",
        "Können Sie mir eine wasserdichte Jacke zum Wandern empfehlen?"), List.of(
        "Sehr gerne! Besonders beliebt als Geschenk sind gerade der Merino-Schal und die Weekender-Tasche aus Leder.",
        "Gerne helfe ich Ihnen weiter! Suchen Sie etwas Bestimmtes in unserem Shop?",
        "Unser Laden in Hamburg hat Montag bis Samstag von 10 bis 20 Uhr geöffnet. Und ja, wir liefern auch in die Schweiz."), List.of(
        "Zum Wandern empfehle ich die Storm Shell Jacke: komplett wasserdicht und sehr leicht.",
        "Alle Neuheiten finden Sie in der Kategorie 'Neu' auf unserer Startseite.",
        "Können Sie mir etwas mehr darüber erzählen, wonach Sie suchen?")));
    s.put(HANDOVER, new Script(List.of(
        "Ich möchte bitte mit einem Mitarbeiter sprechen.",
        "Kann ich mit einem echten Menschen reden? Ich schreibe schon zum dritten Mal wegen {order}.",
        "Mitarbeiter bitte",
        "Bitte verbinden Sie mich mit dem Kundenservice, ich habe eine Beschwerde zu {order}"), List.of(), List.of()));
    return s;
  }

  private static CustomerLines customer() {
    return new CustomerLines(List.of(
        "Die Bestellnummer ist {order}",
        "Meine E-Mail ist {email}",
        "Sie können mich unter {phone} erreichen",
        "Ich habe über die Website bestellt, nicht über die App",
        "Meine E-Mail-Adresse ist {email}, Telefon {phone}"), List.of(
        "Und wie lange dauert das?",
        "ok, und wie geht es jetzt weiter?",
        "Muss ich sonst noch etwas tun?",
        "Können Sie mir mehr dazu sagen?"), List.of(
        "Danke!", "Super, vielen Dank 🙏", "Perfekt, danke", "ok danke", "Vielen Dank 😊"), List.of(
        "Das beantwortet meine Frage nicht.",
        "Das hilft mir nicht weiter",
        "Hm, damit ist mein Problem nicht gelöst",
        "Dann rufe ich eben bei der Hotline an."), List.of(
        "Nein, ich möchte etwas zurücksenden, nicht etwas Neues kaufen!",
        "Ich habe gefragt, wie ich die Bestellung {order} zurückschicken kann.",
        "Sie verstehen mich nicht. Ich will die Sachen zurückgeben."), List.of(
        " Ich muss ehrlich sagen, dass ich ziemlich enttäuscht bin. Ich bestelle seit Jahren bei Ihnen und normalerweise klappt alles wunderbar, aber diesmal ging einfach alles schief: Die Lieferung kam zu spät, der Karton war halb offen, und einer der Artikel sieht aus, als wäre er schon getragen worden. Ich habe gestern zweimal versucht, Ihre Hotline anzurufen, und jedes Mal über 20 Minuten gewartet, bevor ich aufgegeben habe. Ich brauche das bis zum Wochenende geklärt, weil die Sachen ein Geschenk sein sollten.",
        " Damit Sie die ganze Geschichte kennen: Ich habe am Sonntagabend bestellt und extra Expressversand gewählt, weil ich nächsten Donnerstag verreise und die Sachen vorher brauche. Die Bestätigung kam sofort, aber seitdem habe ich nichts mehr gehört, und die Sendungsverfolgung zeigt nur 'Versandetikett erstellt'. Bei den Nachbarn und im Paketshop um die Ecke habe ich schon nachgefragt. Ich möchte nicht alles noch einmal bestellen und am Ende doppelt bezahlen. Bitte melden Sie sich so schnell wie möglich bei mir."),
        "Guten Tag,\n\n", "\n\nViele Grüße\n{name}");
  }

  private static AiLines ai() {
    return new AiLines(List.of(
        "Danke für die Angaben, ich habe eine Notiz zu Ihrer Bestellung hinzugefügt.",
        "Verstanden! Ich habe Ihr Kundenkonto aktualisiert, damit unser Team alles im Blick hat.",
        "Alles klar, danke. Kann ich sonst noch etwas für Sie prüfen?",
        "Danke! Ich habe das für Sie gespeichert."), List.of(
        "Gern geschehen! Einen schönen Tag noch 😊",
        "Sehr gerne! Viel Freude mit Ihrer Bestellung.",
        "Schön, dass ich helfen konnte. Bis bald!"), List.of(
        "Das tut mir leid. Ich habe Ihre Anfrage an unser Service-Team weitergeleitet, es meldet sich innerhalb von 24 Stunden per E-Mail bei Ihnen.",
        "Ich verstehe, entschuldigen Sie bitte. Eine Kollegin aus dem Kundenservice kümmert sich persönlich darum und meldet sich bei Ihnen."), List.of(
        "Natürlich! Ich verbinde Sie jetzt mit einer Kollegin aus dem Kundenservice. Das kann ein paar Minuten dauern.",
        "Gerne, ich übergebe an einen Kollegen aus dem Kundenservice. Bitte bleiben Sie in diesem Chat."),
        "Gern geschehen! Rücksendungen können Sie ganz einfach in unserem Retourenportal anmelden: shop.example.de/retouren 😊");
  }

  private static AgentLines agent() {
    return new AgentLines(List.of(
        "Hallo, hier ist {agent} vom Kundenservice. Ich habe Ihre Nachrichten gelesen – wie kann ich helfen?",
        "Guten Tag! {agent} hier aus dem Service-Team. Ich schaue mir das gleich an."), List.of(
        "Ich habe alles geprüft und Ihnen als Entschuldigung einen Gutschein über 10 € geschickt.",
        "Danke, ich sehe die Bestellung jetzt. Ich habe Ersatz veranlasst, der heute noch rausgeht.",
        "Ich habe das an unsere Logistik weitergegeben und melde mich morgen bei Ihnen.",
        "Könnten Sie mir bitte ein Foto vom Artikel schicken?",
        "Danke für Ihre Geduld, ich frage gerade im Lager nach."), List.of(
        "Gern geschehen! Einen schönen Tag.", "Schön, dass wir das klären konnten. Alles Gute!"), List.of(
        "Es tut mir leid, dass ich das nicht sofort lösen konnte. Ich rufe Sie morgen Vormittag zurück.",
        "Ich habe ein Ticket eröffnet; unser Beschwerde-Team meldet sich innerhalb von zwei Tagen."));
  }
}

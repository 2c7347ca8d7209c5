package io.konvoqa.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** The shop's customers: each writes on one channel in one language, and some come back. */
final class Customers {
  record Customer(String contactId, String externalUserId, String channel, boolean german,
      String name, String email) {}

  static final java.util.List<String> CHANNELS = java.util.List.of("whatsapp", "email", "webchat", "instagram");
  private static final int[] CHANNEL_WEIGHTS = {45, 20, 25, 10};
  private static final int RETURNING_PERCENT = 20;
  private static final int GERMAN_PERCENT = 30;
  private static final String[] EN_FIRST = {"James", "Emma", "Olivia", "Liam", "Noah", "Sophie",
      "Jack", "Mia", "Lucas", "Grace", "Chloe", "Daniel"};
  private static final String[] EN_LAST = {"Smith", "Miller", "Brown", "Taylor", "Wilson",
      "Davis", "Clark", "Walker", "Evans", "Hughes"};
  private static final String[] DE_FIRST = {"Anna", "Lukas", "Lea", "Felix", "Marie", "Jonas",
      "Laura", "Paul", "Sophie", "Jürgen", "Katrin", "Max"};
  private static final String[] DE_LAST = {"Schmidt", "Müller", "Schneider", "Fischer", "Weber",
      "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch"};
  private static final String[] DE_MOBILE = {"151", "152", "157", "160", "170", "176"};
  private static final String[] US_AREA = {"415", "212", "646", "312", "617"};

  private final SplittableRandom random;
  private final List<Customer> seen = new ArrayList<>();
  private final Set<String> externalUserIds = new HashSet<>();

  Customers(SplittableRandom random) {
    this.random = random;
  }

  /** A returning customer now and then, else a new one. */
  Customer next() {
    if (!seen.isEmpty() && random.nextInt(100) < RETURNING_PERCENT) {
      return seen.get(random.nextInt(seen.size()));
    }
    Customer customer = newCustomer();
    seen.add(customer);
    return customer;
  }

  private Customer newCustomer() {
    String channel = channel();
    boolean german = random.nextInt(100) < GERMAN_PERCENT;
    String first = pick(german ? DE_FIRST : EN_FIRST);
    String last = pick(german ? DE_LAST : EN_LAST);
    String externalUserId;
    do {
      externalUserId = channel.equals("whatsapp") ? whatsappNumber(german) : opaqueId();
    } while (!externalUserIds.add(externalUserId));
    return new Customer(Ids.uuid(random), externalUserId, channel, german, first + " " + last,
        email(first, last, german));
  }

  private String channel() {
    int ticket = random.nextInt(100);
    for (int i = 0; i < CHANNELS.size(); i++) {
      ticket -= CHANNEL_WEIGHTS[i];
      if (ticket < 0) return CHANNELS.get(i);
    }
    throw new AssertionError("channel weights add up to less than 100");
  }

  /** Digits only, with the country code, the way WhatsApp identifies a customer. */
  private String whatsappNumber(boolean german) {
    if (german) return "49" + pick(DE_MOBILE) + digits(8);
    if (random.nextBoolean()) return "447" + digits(9);
    return "1" + pick(US_AREA) + "555" + digits(4);
  }

  private String opaqueId() {
    return "u_" + Long.toHexString(random.nextLong(0x1_0000_0000L) | 0x1_0000_0000L).substring(1);
  }

  private String email(String first, String last, boolean german) {
    String local = (first + "." + last).toLowerCase(Locale.ROOT)
        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
    String domain = random.nextBoolean() ? (german ? "example.de" : "example.com") : "example.org";
    return local + "@" + domain;
  }

  /** A phone number as people type it, in one of several formats. */
  String phone(boolean german) {
    return switch (random.nextInt(3) + (german ? 0 : 3)) {
      case 0 -> "+49 1" + digits(2) + " " + digits(4) + " " + digits(4);
      case 1 -> "01" + digits(2) + " " + digits(8);
      case 2 -> "+49 (0)30 " + digits(7);
      case 3 -> "+1 (" + pick(US_AREA) + ") 555-01" + digits(2);
      case 4 -> "+44 7700 900" + digits(3);
      default -> "(" + pick(US_AREA) + ") 555-01" + digits(2);
    };
  }

  private String digits(int count) {
    long bound = (long) Math.pow(10, count);
    return Long.toString(random.nextLong(bound) + bound).substring(1);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}

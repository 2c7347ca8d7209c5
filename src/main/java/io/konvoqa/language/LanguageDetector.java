package io.konvoqa.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells the language of a chat text offline, with Apache OpenNLP's language detector (model
 * langdetect-183, 103 languages), or says it cannot: short texts ("ok", "Danke!") are
 * {@link Language#UNKNOWN}, never a guess.
 *
 * <p>A text is judged only with at least {@value #MIN_WORDS} words and {@value #MIN_LETTERS}
 * letters, and only when the likeliest language is at least {@link #MIN_LEAD} times as likely as
 * the next, or holds at least {@link #MIN_CONFIDENCE} of the probability (four times an even share
 * of the 103 languages): on short chat messages the model's best guess is often a neighbour
 * (Frisian for German, Afrikaans for English) by a hair, while on a sentence German leads Low
 * German by less than that lead but clearly stands out of the rest. Only the first
 * {@value #MAX_CHARS} characters are read.
 * The thresholds are measured on short chat messages in English and German
 * (LanguageAccuracyTest, docs/steps.md).
 *
 * <p>The model (10 MB) is read once per JVM, on first use; a detector is cheap, but not for
 * sharing between threads: make one per thread.
 */
public final class LanguageDetector {
  static final int MIN_WORDS = 2;
  static final int MIN_LETTERS = 12;
  static final double MIN_LEAD = 1.1;
  static final double MIN_CONFIDENCE = 0.04;
  static final int MAX_CHARS = 300;
  static final String MODEL = "langdetect-183.bin";

  private final LanguageDetectorME detector;

  private LanguageDetector(LanguageDetectorModel model) {
    this.detector = new LanguageDetectorME(model);
  }

  /** A detector over the shared model, which is read on the first call. */
  public static LanguageDetector create() {
    return new LanguageDetector(Model.SHARED);
  }

  /** The language of {@code text}, or {@link Language#UNKNOWN} when it cannot be told. */
  public Language detect(CharSequence text) {
    CharSequence read = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
    if (!enoughText(read)) return Language.UNKNOWN;
    opennlp.tools.langdetect.Language[] ranked = detector.predictLanguages(read);
    if (ranked.length == 0) return Language.UNKNOWN;
    double best = ranked[0].getConfidence();
    if (best < MIN_CONFIDENCE && ranked.length > 1 && best < MIN_LEAD * ranked[1].getConfidence()) {
      return Language.UNKNOWN;
    }
    return Language.ofIso3(ranked[0].getLang());
  }

  /** At least {@value #MIN_WORDS} words (runs of letters) and {@value #MIN_LETTERS} letters. */
  static boolean enoughText(CharSequence text) {
    int letters = 0, words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetter(text.charAt(i));
      if (letter) {
        letters++;
        if (!inWord) words++;
      }
      inWord = letter;
    }
    return words >= MIN_WORDS && letters >= MIN_LETTERS;
  }

  /** The model, read when first asked for: the JVM runs this once, whichever thread asks first. */
  private static final class Model {
    static final LanguageDetectorModel SHARED = read();

    private static LanguageDetectorModel read() {
      try (InputStream in = LanguageDetector.class.getClassLoader().getResourceAsStream(MODEL)) {
        if (in == null) {
          throw new IllegalStateException("the language model " + MODEL + " is not on the class path:"
              + " it comes with org.apache.opennlp:opennlp-models-langdetect");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the language model " + MODEL + ": " + e.getMessage(), e);
      }
    }
  }
}

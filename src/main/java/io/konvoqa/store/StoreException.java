package io.konvoqa.store;

/** The session store could not do its part; {@link #corrupt()} when the file itself is damaged. */
public final class StoreException extends RuntimeException {
  private final boolean corrupt;

  StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  StoreException(String message, Throwable cause, boolean corrupt) {
    super(message, cause);
    this.corrupt = corrupt;
  }

  public boolean corrupt() {
    return corrupt;
  }
}

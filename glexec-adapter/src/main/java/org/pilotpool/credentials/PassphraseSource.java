package org.pilotpool.credentials;

import java.nio.file.Path;
import org.pilotpool.model.input.BadInputException;

/** Supplies the passphrase of an encrypted private key; asked only when the key is encrypted. */
@FunctionalInterface
public interface PassphraseSource {
  /** For keys that must not be encrypted (proxy files): refuses with a clear error. */
  PassphraseSource NONE = keyFile -> {
    throw new BadInputException(keyFile.toString(), 0, null,
        "the private key is encrypted: expected an unencrypted key here, or give a passphrase");
  };

  /** The passphrase for {@code keyFile}; the caller clears the array after use. */
  char[] passphrase(Path keyFile);
}

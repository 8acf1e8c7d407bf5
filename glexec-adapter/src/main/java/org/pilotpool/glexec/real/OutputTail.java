package org.pilotpool.glexec.real;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains one output stream of a process on its own thread, keeping only the last {@code limit}
 * bytes. Draining everything keeps a chatty glexec from blocking on a full pipe; keeping the tail
 * bounds memory and keeps the lines that matter (the last line, the final error).
 */
final class OutputTail implements Runnable {
  private final InputStream in;
  private final byte[] tail;
  private int size;
  private long total;
  private String readError = "";
  private final CountDownLatch ended = new CountDownLatch(1);

  private OutputTail(InputStream in, int limit) {
    this.in = in;
    this.tail = new byte[limit];
  }

  /** Starts draining {@code in} on a new daemon thread named {@code name}. */
  static OutputTail drain(InputStream in, int limit, String name) {
    OutputTail capture = new OutputTail(in, limit);
    Thread t = new Thread(capture, name);
    t.setDaemon(true);
    t.start();
    return capture;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (InputStream stream = in) {
      int n;
      while ((n = stream.read(buffer)) != -1) {
        append(buffer, n);
      }
    } catch (IOException e) {
      synchronized (this) {
        readError = e.getMessage();
      }
    } finally {
      ended.countDown();
    }
  }

  private synchronized void append(byte[] bytes, int n) {
    total += n;
    int limit = tail.length;
    if (n >= limit) {
      System.arraycopy(bytes, n - limit, tail, 0, limit);
      size = limit;
      return;
    }
    int keep = Math.min(size, limit - n);
    System.arraycopy(tail, size - keep, tail, 0, keep);
    System.arraycopy(bytes, 0, tail, keep, n);
    size = keep + n;
  }

  /**
   * Waits until the stream ends (every writer closed it) or {@code grace} passes: a payload that
   * left a background child holding the pipe must not hold the call.
   */
  boolean awaitEnd(Duration grace) throws InterruptedException {
    return ended.await(grace.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * The kept text, decoded as UTF-8 with replacement characters, control characters other than
   * newline and tab shown as U+FFFD so that garbage cannot mangle an operator's terminal, and
   * prefixed by how much was dropped.
   */
  synchronized String text() {
    String decoded = new String(tail, 0, size, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(decoded.length() + 40);
    if (total > size) {
      out.append("[").append(total - size).append(" earlier bytes dropped] ");
    }
    decoded.codePoints()
        .map(c -> Character.isISOControl(c) && c != '\n' && c != '\t' ? 0xFFFD : c)
        .forEach(out::appendCodePoint);
    if (!readError.isEmpty()) {
      out.append(" [read failed: ").append(readError).append("]");
    }
    return out.toString();
  }
}

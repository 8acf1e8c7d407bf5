package org.pilotpool.kernel;

import com.typesafe.config.Config;
import java.util.ArrayDeque;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.dispatch.Envelope;
import org.apache.pekko.dispatch.MailboxType;
import org.apache.pekko.dispatch.MessageQueue;
import org.apache.pekko.dispatch.ProducesMessageQueue;
import org.apache.pekko.dispatch.UnboundedMessageQueueSemantics;
import scala.Option;

/**
 * The typed actors' mailbox in virtual time (set as {@code pekko.actor.typed.default-mailbox}):
 * an unbounded FIFO like Pekko's default, but built for one thread.
 *
 * <p>Pekko's default queue is lock-free: every message allocates a node, swaps the tail
 * atomically and links the previous node, which by then is usually a cold object far from the
 * actor. In a simulation an actor mostly holds zero or one message, so the first waiting message
 * sits in a field of the queue itself and only a burst spills into a deque; a message's trip then
 * touches the queue object only, which Pekko allocates next to the actor's mailbox.
 *
 * <p>While the kernel's start-up drainer runs, a second thread may enqueue, so the queue locks
 * itself then (see {@link VirtualTimeKernel}); afterwards one thread does everything.
 */
public final class KernelMailbox implements MailboxType, ProducesMessageQueue<KernelMailbox.Queue> {
  private final VirtualTimeKernel kernel;

  /** The constructor Pekko calls reflectively for a configured mailbox type. */
  public KernelMailbox(ActorSystem.Settings settings, Config config) {
    this.kernel = VirtualTimeKernel.lookup(settings.config().getString(Simulation.KERNEL_ID_KEY));
  }

  @Override
  public MessageQueue create(Option<ActorRef> owner, Option<ActorSystem> system) {
    return new Queue(kernel);
  }

  /** One actor's messages, oldest first. */
  static final class Queue implements MessageQueue, UnboundedMessageQueueSemantics {
    private final VirtualTimeKernel kernel;
    // Invariant: head == null implies rest is null or empty.
    private Envelope head;
    private ArrayDeque<Envelope> rest;

    Queue(VirtualTimeKernel kernel) {
      this.kernel = kernel;
    }

    @Override
    public void enqueue(ActorRef receiver, Envelope handle) {
      if (kernel.isShared()) {
        synchronized (this) {
          add(handle);
        }
      } else {
        add(handle);
      }
    }

    @Override
    public Envelope dequeue() {
      if (kernel.isShared()) {
        synchronized (this) {
          return take();
        }
      }
      return take();
    }

    @Override
    public int numberOfMessages() {
      if (kernel.isShared()) {
        synchronized (this) {
          return count();
        }
      }
      return count();
    }

    @Override
    public boolean hasMessages() {
      if (kernel.isShared()) {
        synchronized (this) {
          return head != null;
        }
      }
      return head != null;
    }

    @Override
    public void cleanUp(ActorRef owner, MessageQueue deadLetters) {
      Envelope e;
      while ((e = dequeue()) != null) {
        deadLetters.enqueue(owner, e);
      }
    }

    private void add(Envelope e) {
      if (head == null) {
        head = e;
        return;
      }
      if (rest == null) {
        rest = new ArrayDeque<>();
      }
      rest.addLast(e);
    }

    private Envelope take() {
      Envelope e = head;
      if (e != null) {
        head = rest == null ? null : rest.pollFirst();
      }
      return e;
    }

    private int count() {
      return head == null ? 0 : 1 + (rest == null ? 0 : rest.size());
    }
  }
}

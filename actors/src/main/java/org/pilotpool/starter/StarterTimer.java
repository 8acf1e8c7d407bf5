package org.pilotpool.starter;

/** The starter's named timers. */
public enum StarterTimer {
  /** The wait before a glexec step's next call (GLEXEC_RETRY_DELAY × r). */
  RETRY,
  /** The payload's run time is over. */
  PAYLOAD,
  /** PROXY_EXPIRING_EVICTION_TIME before the proxy expires. */
  PROXY_EXPIRY,
  /** The shadow's next SHADOW_CHECKPROXY_INTERVAL check, armed while a refresh waits. */
  CHECK_PROXY
}

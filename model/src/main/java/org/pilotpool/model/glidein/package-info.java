/**
 * glideinWMS's side of the pool, as plain logic: how a glidein decides at start-up whether to use
 * glexec (glexec_setup.sh's decision table, binary resolution and "Hello World" validation), which
 * factory entries a frontend group may use given its {@code GLIDEIN_Glexec_Use}, and how many
 * glideins a factory submits to each entry per cycle.
 *
 * <p>Facts follow glideinWMS before glexec support was removed (the parent of commit 3b9308a57,
 * 2020-11-25): {@code creation/web_base/glexec_setup.sh}, {@code creation/lib/cvWParamDict.py},
 * {@code creation/lib/cgWParams.py} and {@code cvWParams.py}.
 */
package org.pilotpool.model.glidein;

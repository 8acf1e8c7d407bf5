#!/bin/bash
# A glexec emulator for tests: the documented CLI contract of glexec 0.7+ (usage, exit codes,
# GLEXEC_CLIENT_CERT checks, mapping, bans, linger and exec modes, environment wiping), without
# LCAS/LCMAPS. Run as root it really switches to the mapped account (setpriv); otherwise it runs
# the payload as the caller, like glexec's logging-only mode.
#
# GLEXEC_EMU_CONF names its configuration (a missing one is a system error, 202): key=value lines
#   linger=yes|no        fork and wait (remapping payload 201-204 to 204) or exec over itself
#   map_file=<path>      lines "<account> <identity>"; an identity without a line is denied (203)
#   ban_file=<path>      one banned identity per line (203)
#   system_error=yes     fail as if LCAS/LCMAPS could not initialize (202)
#   env_dump=<path>      write the environment glexec received to this file
#   log_stderr=yes       write glexec's "mapped_user(...)" log line to standard error
# The identity of a proxy is the value of a line "pilotpool-identity: <identity>" in it, or else the
# subject of its first certificate with the proxy CNs stripped (needs openssl).

set -u

die() {
  local code=$1
  shift
  echo "glexec: $*" >&2
  exit "$code"
}

conf_get() {
  local key=$1
  sed -n "s/^${key}=//p" "$GLEXEC_EMU_CONF" | tail -n 1
}

[ -n "${GLEXEC_EMU_CONF:-}" ] && [ -r "$GLEXEC_EMU_CONF" ] || die 202 "cannot read glexec.conf (GLEXEC_EMU_CONF)"

env_dump=$(conf_get env_dump)
[ -z "$env_dump" ] || env > "$env_dump"

[ "$(conf_get system_error)" = yes ] && die 202 "LCAS/LCMAPS initialization failure"

linger=$(conf_get linger)
case "${linger:-yes}" in
  yes | no) ;;
  *) die 202 "glexec.conf: linger must be yes or no, not '$linger'" ;;
esac

[ $# -ge 1 ] || die 201 "usage: glexec <cmd> [args]"

# The client certificate: present, a readable file, owned by the caller, no group/other bits.
cert=${GLEXEC_CLIENT_CERT:-}
[ -n "$cert" ] || die 201 "GLEXEC_CLIENT_CERT is not set"
[ -f "$cert" ] && [ -r "$cert" ] || die 201 "cannot read proxy $cert"
caller_uid=$(id -u)
[ "$(stat -L -c %u "$cert")" = "$caller_uid" ] || die 201 "proxy $cert is not owned by the caller"
mode=$(stat -L -c %a "$cert")
(( (8#$mode & 8#077) == 0 )) || die 201 "proxy $cert has mode $mode, wider than 0700"

identity=$(sed -n 's/^pilotpool-identity: *//p' "$cert" | head -n 1)
if [ -z "$identity" ] && command -v openssl > /dev/null; then
  identity=$(openssl x509 -in "$cert" -noout -subject -nameopt compat 2> /dev/null | sed -e 's/^subject= *//' \
    -e ':strip' -e 's#/CN=\([0-9][0-9]*\|proxy\|limited proxy\)$##' -e 't strip')
fi
[ -n "$identity" ] || die 203 "Verifying proxy: no identity in $cert; LCMAPS failed."

ban_file=$(conf_get ban_file)
if [ -n "$ban_file" ] && [ -r "$ban_file" ] && grep -Fqx -- "$identity" "$ban_file"; then
  die 203 "user \"$identity\" is banned; LCAS failed."
fi

account=
map_file=$(conf_get map_file)
if [ -n "$map_file" ] && [ -r "$map_file" ]; then
  while read -r acct ident; do
    if [ "$ident" = "$identity" ]; then
      account=$acct
      break
    fi
  done < "$map_file"
fi
[ -n "$account" ] || die 203 "no mapping for \"$identity\"; LCMAPS failed."

switch=()
if [ "$caller_uid" = 0 ]; then
  uid=$(id -u "$account" 2> /dev/null) || die 203 "mapped account $account does not exist; LCMAPS failed."
  gid=$(id -g "$account")
  group=$(id -gn "$account")
  home=$(getent passwd "$account" | cut -d: -f6)
  switch=(setpriv "--reuid=$uid" "--regid=$gid" --init-groups --)
else
  uid=$caller_uid
  group=$account
  home=${HOME:-/}
fi

# The command, resolved as glexec logs it; missing or not executable by the mapped user is 201.
cmd=$1
shift
if [[ "$cmd" == */* ]]; then
  path=$cmd
else
  path=$(command -v -- "$cmd") || die 201 "command $cmd not found"
fi
[ -e "$path" ] || die 201 "command $path does not exist"
if [ ${#switch[@]} -gt 0 ]; then
  "${switch[@]}" /usr/bin/test -x "$path" || die 201 "command $path is not executable by $account"
else
  [ -x "$path" ] || die 201 "command $path is not executable by $account"
fi

# Where the target's proxy copy goes; /dev/null (what HTCondor sets) leaves none behind.
target=${GLEXEC_TARGET_PROXY:-${TMPDIR:-/tmp}/x509up_u$uid.glexec.$$}
if [ "$target" != /dev/null ]; then
  if [ "$caller_uid" = 0 ]; then
    install -m 600 -o "$uid" -g "$gid" "$cert" "$target" 2> /dev/null || die 201 "cannot write target proxy $target"
  else
    install -m 600 "$cert" "$target" 2> /dev/null || die 201 "cannot write target proxy $target"
  fi
fi

if [ "$(conf_get log_stderr)" = yes ]; then
  echo "glexec[$$]: real_user($(id -un)),real_group($(id -gn))->mapped_user($account),mapped_group($group) cwd: \"$PWD\" cmd: \"$cmd\" (=\"$path\") args: \"$*\"" >&2
fi

# Everything but GLEXEC_* and a few whitelisted variables is wiped; glexec sets the rest.
payload_env=(PATH=/usr/local/bin:/usr/bin:/bin "HOME=$home" "USER=$account" "LOGNAME=$account" "X509_USER_PROXY=$target")
while IFS= read -r -d '' pair; do
  case "${pair%%=*}" in
    GLEXEC_* | TZ | TERM | LANG | LC_*) payload_env+=("$pair") ;;
  esac
done < <(env -0)

if [ "$linger" = no ]; then
  exec env -i "${payload_env[@]}" "${switch[@]}" "$path" "$@"
fi
env -i "${payload_env[@]}" "${switch[@]}" "$path" "$@"
rc=$?
case $rc in
  201 | 202 | 203 | 204) exit 204 ;;
  *) exit $rc ;;
esac

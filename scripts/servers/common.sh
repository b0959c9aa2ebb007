# shellcheck shell=bash disable=SC2034  # variables are for the scripts that source this
# Sourced by start, stop and status: the run directory, the ports and the
# helpers they share. Not executable on its own.

servers_script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# A run directory is only ever wiped or signalled when it carries this marker,
# so a mistyped --dir cannot destroy or kill anything else.
readonly run_dir_marker=.conformance-servers

die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}

note() { printf '%s: %s\n' "$(basename "$0")" "$*"; }

# Sets run_dir from --dir, $CONFORMANCE_SERVERS_DIR or the default.
parse_dir_argument() {
  run_dir=${CONFORMANCE_SERVERS_DIR:-/tmp/conformance-servers}
  while (($#)); do
    case $1 in
      --dir) (($# >= 2)) || die "--dir needs a directory"; run_dir=$2; shift 2 ;;
      --dir=*) run_dir=${1#--dir=}; shift ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown argument '$1' (try --help)" ;;
    esac
  done
  [[ -n $run_dir ]] || die "the run directory is empty"
  [[ $run_dir == /* ]] || run_dir=$PWD/$run_dir
  [[ ! -d $run_dir ]] || run_dir=$(cd "$run_dir" && pwd -P)
  [[ $run_dir != / ]] || die "refusing to use / as the run directory"
}

# The ports start uses: from the environment (CONFORMANCE_IMAP_PORT and so
# on) or the defaults.
ports_from_environment() {
  imap_port=${CONFORMANCE_IMAP_PORT:-10143}
  imaps_port=${CONFORMANCE_IMAPS_PORT:-10993}
  pop3_port=${CONFORMANCE_POP3_PORT:-10110}
  pop3s_port=${CONFORMANCE_POP3S_PORT:-10995}
  smtp_port=${CONFORMANCE_SMTP_PORT:-10025}
  submission_port=${CONFORMANCE_SUBMISSION_PORT:-10587}
  submissions_port=${CONFORMANCE_SUBMISSIONS_PORT:-10465}
  # Where the suite reaches Dovecot; see "listen" in templates/dovecot.conf.in.
  dovecot_address=${CONFORMANCE_DOVECOT_ADDRESS:-127.0.0.2}
  [[ $dovecot_address =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ && $dovecot_address != 127.0.0.1 ]] ||
    die "CONFORMANCE_DOVECOT_ADDRESS must be a loopback address other than 127.0.0.1"
  local service
  for service in "${all_services[@]}"; do
    [[ $(port_of "$service") =~ ^[0-9]{1,5}$ ]] || die "the $service port '$(port_of "$service")' is not a number"
  done
}

# The ports a running instance uses: those start recorded in the run
# directory, else the ones start would pick.
load_ports() {
  ports_from_environment
  if [[ -f $run_dir/ports ]]; then
    # shellcheck source=/dev/null
    source "$run_dir/ports"
  fi
}

dovecot_services=(imap imaps pop3 pop3s)
postfix_services=(smtp submission submissions)
all_services=("${dovecot_services[@]}" "${postfix_services[@]}")

port_of() {
  local variable="$1_port"
  printf '%s' "${!variable}"
}

# The addresses a service listens on, the one the suite uses first. Dovecot
# also answers on 127.0.0.1, where it exempts the client from TLS rules.
addresses_of() {
  case $1 in
    imap | imaps | pop3 | pop3s) printf '%s\n' "$dovecot_address" 127.0.0.1 ;;
    *) printf '%s\n' 127.0.0.1 ;;
  esac
}

# True when something accepts TCP connections on address $1, port $2. On
# loopback a connect is accepted or refused at once, so no timeout is needed.
port_answers() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# The first line the server sends on address $1, port $2 (its greeting),
# without CR. Dovecot greets only once its auth service is ready, so a
# greeting means ready.
greeting_on() {
  (exec 3<>"/dev/tcp/$1/$2" && IFS= read -r -t 3 line <&3 && printf '%s' "${line%$'\r'}") 2>/dev/null
}

# Services whose first bytes are a plaintext greeting; the others start with TLS.
has_plaintext_greeting() { [[ $1 == imap || $1 == pop3 || $1 == smtp || $1 == submission ]]; }

# True when the service is up on address $2: it greets as its protocol says
# for the plaintext ones, and accepts connections for the implicit-TLS ones.
service_ready() {
  local service=$1 address=$2 port greeting
  port=$(port_of "$service")
  has_plaintext_greeting "$service" || { port_answers "$address" "$port"; return; }
  greeting=$(greeting_on "$address" "$port") || return 1
  case $service in
    imap) [[ $greeting == "* OK"* ]] ;;
    pop3) [[ $greeting == "+OK"* ]] ;;
    *) [[ $greeting == 220* ]] ;;
  esac
}

# Postfix refuses to start unless run by root, so without root only Dovecot runs.
running_as_root() { [[ $(id -u) -eq 0 ]]; }

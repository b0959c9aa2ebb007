// IMAP commands, one structure per command (RFC 9051 §6, RFC 3501 §6 and
// the extensions named at each), as a fake server receives them and as the
// harness client sends them. parse_command.hpp reads them, serialize_command.hpp
// writes them, and parse(serialize(x)) == x.
//
// Strings (mailbox names, user names, search strings) are kept as their
// bytes: whether the client sent an atom, a quoted string or a literal is a
// matter of transport, chosen again by the serializer. Mailbox names are not
// converted between modified UTF-7 and UTF-8 (mutf7.hpp does that, on
// request); "INBOX" is kept as the client spelled it (compare with
// imap::is_inbox).
//
// The commands live in their own namespace, apart from the response codec
// of the same protocol, whose structures carry many of the same names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "harness/codec/common/result.hpp"
#include "harness/codec/imap/command/extension_value.hpp"
#include "harness/codec/imap/command/fetch_attribute.hpp"
#include "harness/codec/imap/command/search_key.hpp"
#include "harness/codec/imap/date_time.hpp"
#include "harness/codec/imap/message_structure.hpp"
#include "harness/codec/imap/sequence_set.hpp"

namespace conformance::codec::imap::command {

// ---------------------------------------------------------------- any state

struct Capability {
  static constexpr std::string_view kName = "CAPABILITY";
  friend bool operator==(const Capability&, const Capability&) = default;
};

struct Noop {
  static constexpr std::string_view kName = "NOOP";
  friend bool operator==(const Noop&, const Noop&) = default;
};

struct Logout {
  static constexpr std::string_view kName = "LOGOUT";
  friend bool operator==(const Logout&, const Logout&) = default;
};

// RFC 2971: ID NIL, or ID ("name" "value" ...) with string names and nstring values.
struct Id {
  static constexpr std::string_view kName = "ID";
  using Field = std::pair<std::string, NString>;
  std::optional<std::vector<Field>> fields;  // nullopt: NIL
  friend bool operator==(const Id&, const Id&) = default;
};

// ------------------------------------------------------- not authenticated

struct StartTls {
  static constexpr std::string_view kName = "STARTTLS";
  friend bool operator==(const StartTls&, const StartTls&) = default;
};

// AUTHENTICATE mechanism [initial-response] (RFC 9051 §6.2.2, SASL-IR RFC 4959).
// The further client responses are separate lines, not part of the command
// (command_decoder.hpp reads them when told to).
struct Authenticate {
  static constexpr std::string_view kName = "AUTHENTICATE";
  std::string mechanism;  // auth-type, an atom, as sent
  // Decoded from base64. nullopt: none sent; "": the empty response, sent as "=".
  std::optional<std::string> initial_response;
  friend bool operator==(const Authenticate&, const Authenticate&) = default;
};

struct Login {
  static constexpr std::string_view kName = "LOGIN";
  std::string username;
  std::string password;
  friend bool operator==(const Login&, const Login&) = default;
};

// ----------------------------------------------------------- authenticated

// RFC 5161 (RFC 9051 §6.3.1).
struct Enable {
  static constexpr std::string_view kName = "ENABLE";
  std::vector<std::string> capabilities;  // one or more
  friend bool operator==(const Enable&, const Enable&) = default;
};

// RFC 7162 §3.2.5: QRESYNC (uidvalidity modseq [known-uids [(known-sequence-set known-uid-set)]])
struct QresyncParameters {
  struct SequenceMatch {
    SequenceSet sequence_numbers;
    SequenceSet uids;
    friend bool operator==(const SequenceMatch&, const SequenceMatch&) = default;
  };
  std::uint32_t uid_validity = 1;
  std::uint64_t modseq = 1;
  std::optional<SequenceSet> known_uids;        // uid-set: no "*"
  std::optional<SequenceMatch> sequence_match;  // seq-match-data
  friend bool operator==(const QresyncParameters&, const QresyncParameters&) = default;
};

// select-params (RFC 4466 §2.1): "(" param *(SP param) ")", never empty.
struct SelectParameters {
  bool condstore = false;                    // RFC 7162 §3.1.8
  std::optional<QresyncParameters> qresync;  // RFC 7162 §3.2.5
  std::vector<Parameter> extensions;         // any other select-param
  bool empty() const { return !condstore && !qresync && extensions.empty(); }
  friend bool operator==(const SelectParameters&, const SelectParameters&) = default;
};

struct Select {
  static constexpr std::string_view kName = "SELECT";
  std::string mailbox;
  SelectParameters parameters;
  friend bool operator==(const Select&, const Select&) = default;
};

struct Examine {
  static constexpr std::string_view kName = "EXAMINE";
  std::string mailbox;
  SelectParameters parameters;
  friend bool operator==(const Examine&, const Examine&) = default;
};

struct Create {
  static constexpr std::string_view kName = "CREATE";
  std::string mailbox;
  // RFC 6154 §5.2: USE (\Sent ...). nullopt: no USE; an empty list is "USE ()".
  std::optional<std::vector<std::string>> special_use;
  std::vector<Parameter> extensions;  // any other create-param (RFC 4466)
  friend bool operator==(const Create&, const Create&) = default;
};

struct Delete {
  static constexpr std::string_view kName = "DELETE";
  std::string mailbox;
  friend bool operator==(const Delete&, const Delete&) = default;
};

struct Rename {
  static constexpr std::string_view kName = "RENAME";
  std::string from;
  std::string to;
  std::vector<Parameter> parameters;  // rename-params (RFC 4466)
  friend bool operator==(const Rename&, const Rename&) = default;
};

struct Subscribe {
  static constexpr std::string_view kName = "SUBSCRIBE";
  std::string mailbox;
  friend bool operator==(const Subscribe&, const Subscribe&) = default;
};

struct Unsubscribe {
  static constexpr std::string_view kName = "UNSUBSCRIBE";
  std::string mailbox;
  friend bool operator==(const Unsubscribe&, const Unsubscribe&) = default;
};

// status-att (RFC 9051 §9; RECENT of RFC 3501; HIGHESTMODSEQ of RFC 7162;
// APPENDLIMIT of RFC 7889; MAILBOXID of RFC 8474).
enum class StatusItem {
  messages,
  uid_next,
  uid_validity,
  unseen,
  deleted,
  size,
  recent,
  highest_modseq,
  append_limit,
  mailbox_id,
};
std::string_view status_item_name(StatusItem item);

// LIST selection options (RFC 5258 §3, RFC 6154 §5.1).
struct ListSelection {
  bool subscribed = false;
  bool remote = false;
  bool recursive_match = false;  // only together with a base option (RFC 5258 §3)
  bool special_use = false;      // RFC 6154
  std::vector<Parameter> extensions;
  friend bool operator==(const ListSelection&, const ListSelection&) = default;
};

// LIST return options (RFC 5258 §3, RFC 5819 STATUS, RFC 6154 SPECIAL-USE).
struct ListReturn {
  bool subscribed = false;
  bool children = false;
  bool special_use = false;
  std::optional<std::vector<StatusItem>> status;  // STATUS (...), RFC 5819 / RFC 9051
  std::vector<Parameter> extensions;
  friend bool operator==(const ListReturn&, const ListReturn&) = default;
};

// LIST [selection] reference pattern-or-patterns [RETURN (...)]. Several
// patterns, or either option list, make it an extended LIST (RFC 5258).
struct List {
  static constexpr std::string_view kName = "LIST";
  std::optional<ListSelection> selection;  // nullopt: none; "()" is an empty selection
  std::string reference;
  std::vector<std::string> patterns;        // one or more list-mailbox
  std::optional<ListReturn> return_options;  // nullopt: no RETURN; "RETURN ()" is an empty one
  friend bool operator==(const List&, const List&) = default;
};

// RFC 3501 §6.3.9 (removed from RFC 9051).
struct Lsub {
  static constexpr std::string_view kName = "LSUB";
  std::string reference;
  std::string pattern;
  friend bool operator==(const Lsub&, const Lsub&) = default;
};

// RFC 2342 (RFC 9051 §6.3.10).
struct Namespace {
  static constexpr std::string_view kName = "NAMESPACE";
  friend bool operator==(const Namespace&, const Namespace&) = default;
};

struct Status {
  static constexpr std::string_view kName = "STATUS";
  std::string mailbox;
  std::vector<StatusItem> items;  // one or more
  friend bool operator==(const Status&, const Status&) = default;
};

// One message of APPEND (several with MULTIAPPEND, RFC 3502).
struct AppendMessage {
  std::optional<std::vector<std::string>> flags;  // nullopt: none sent; "()" is an empty list
  std::optional<DateTime> internal_date;
  std::string data;     // the message
  bool binary = false;  // sent as literal8 ~{N} (RFC 3516 BINARY)
  bool utf8 = false;    // sent as UTF8 (~{N}) (RFC 6855 §4, UTF8=ACCEPT)
  friend bool operator==(const AppendMessage&, const AppendMessage&) = default;
};

struct Append {
  static constexpr std::string_view kName = "APPEND";
  std::string mailbox;
  std::vector<AppendMessage> messages;  // one or more
  friend bool operator==(const Append&, const Append&) = default;
};

// RFC 2177 (RFC 9051 §6.3.13). The client ends it with a DONE line, which
// is not part of the command (see command_decoder.hpp and serialize_idle_done).
struct Idle {
  static constexpr std::string_view kName = "IDLE";
  friend bool operator==(const Idle&, const Idle&) = default;
};

// ---------------------------------------------------------------- selected

// RFC 3501 §6.4.1 (removed from RFC 9051).
struct Check {
  static constexpr std::string_view kName = "CHECK";
  friend bool operator==(const Check&, const Check&) = default;
};

struct Close {
  static constexpr std::string_view kName = "CLOSE";
  friend bool operator==(const Close&, const Close&) = default;
};

// RFC 3691 (RFC 9051 §6.4.2).
struct Unselect {
  static constexpr std::string_view kName = "UNSELECT";
  friend bool operator==(const Unselect&, const Unselect&) = default;
};

struct Expunge {
  static constexpr std::string_view kName = "EXPUNGE";
  friend bool operator==(const Expunge&, const Expunge&) = default;
};

// UID EXPUNGE sequence-set (RFC 4315 §2.1, RFC 9051 §6.4.9).
struct UidExpunge {
  static constexpr std::string_view kName = "UID EXPUNGE";
  SequenceSet uids;
  friend bool operator==(const UidExpunge&, const UidExpunge&) = default;
};

// RETURN (...) of ESEARCH (RFC 4731, RFC 9051 §6.4.4), SAVE of RFC 5182.
struct SearchReturn {
  bool min = false;
  bool max = false;
  bool all = false;
  bool count = false;
  bool save = false;
  std::vector<Parameter> extensions;  // e.g. PARTIAL (RFC 9394)
  friend bool operator==(const SearchReturn&, const SearchReturn&) = default;
};

struct Search {
  static constexpr std::string_view kName = "SEARCH";
  static constexpr std::string_view kUidName = "UID SEARCH";
  bool uid = false;
  std::optional<SearchReturn> return_options;  // nullopt: no RETURN; "RETURN ()" is an empty one
  std::optional<std::string> charset;
  std::vector<SearchKey> keys;  // one or more, all of which must match
  friend bool operator==(const Search&, const Search&) = default;
};

struct Fetch {
  static constexpr std::string_view kName = "FETCH";
  static constexpr std::string_view kUidName = "UID FETCH";
  bool uid = false;
  SequenceSet set;
  std::optional<FetchMacro> macro;         // ALL / FAST / FULL; then `attributes` is empty
  std::vector<FetchAttribute> attributes;  // one or more, unless a macro
  // fetch-modifiers (RFC 4466 §2.4).
  std::optional<std::uint64_t> changed_since;  // CHANGEDSINCE (RFC 7162 §3.1.4)
  bool vanished = false;                       // VANISHED (RFC 7162 §3.2.6)
  std::vector<Parameter> modifiers;            // any other
  friend bool operator==(const Fetch&, const Fetch&) = default;
};

enum class StoreMode { replace, add, remove };  // FLAGS, +FLAGS, -FLAGS

struct Store {
  static constexpr std::string_view kName = "STORE";
  static constexpr std::string_view kUidName = "UID STORE";
  bool uid = false;
  SequenceSet set;
  // store-modifiers (RFC 4466 §2.5).
  std::optional<std::uint64_t> unchanged_since;  // UNCHANGEDSINCE (RFC 7162 §3.1.3)
  std::vector<Parameter> modifiers;              // any other
  StoreMode mode = StoreMode::replace;
  bool silent = false;             // .SILENT
  std::vector<std::string> flags;  // "\Seen", "$Forwarded", ...
  friend bool operator==(const Store&, const Store&) = default;
};

struct Copy {
  static constexpr std::string_view kName = "COPY";
  static constexpr std::string_view kUidName = "UID COPY";
  bool uid = false;
  SequenceSet set;
  std::string mailbox;
  friend bool operator==(const Copy&, const Copy&) = default;
};

// RFC 6851 (RFC 9051 §6.4.8).
struct Move {
  static constexpr std::string_view kName = "MOVE";
  static constexpr std::string_view kUidName = "UID MOVE";
  bool uid = false;
  SequenceSet set;
  std::string mailbox;
  friend bool operator==(const Move&, const Move&) = default;
};

// ------------------------------------------------------------------ others

// A command this codec does not know (an extension, an X-command, a typo):
// parsed as far as the grammar of every command goes, so that a server can
// answer "tag BAD" naming it. `arguments` are the raw bytes after the name
// and its SP up to the final CRLF, literals included.
struct UnknownCommand {
  bool uid = false;  // "UID name ..."
  std::string name;  // an atom, as sent
  std::optional<std::string> arguments;  // nullopt: nothing after the name
  friend bool operator==(const UnknownCommand&, const UnknownCommand&) = default;
};

using CommandBody =
    std::variant<Capability, Noop, Logout, Id, StartTls, Authenticate, Login, Enable, Select, Examine, Create, Delete,
                 Rename, Subscribe, Unsubscribe, List, Lsub, Namespace, Status, Append, Idle, Check, Close, Unselect,
                 Expunge, UidExpunge, Search, Fetch, Store, Copy, Move, UnknownCommand>;

struct Command {
  std::string tag;
  CommandBody body;
  friend bool operator==(const Command&, const Command&) = default;
};

// The command's name as sent on the wire, upper case: "FETCH", "UID FETCH";
// for an unknown command, its name as sent (with "UID " when it had it).
std::string command_name(const Command& command);

// A command the parser rejected. A server answers "tag BAD ..." when the
// tag could be read, "* BAD ..." when not.
struct CommandError {
  std::string tag;  // empty when no tag could be read
  ParseError error;
  bool has_tag() const { return !tag.empty(); }
  friend bool operator==(const CommandError&, const CommandError&) = default;
};

// A command, or the error that stopped parsing it (with its tag).
class [[nodiscard]] CommandResult {
 public:
  CommandResult(Command command) : state_(std::in_place_index<0>, std::move(command)) {}
  CommandResult(CommandError error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  Command& value() & { return std::get<0>(state_); }
  const Command& value() const& { return std::get<0>(state_); }
  Command&& value() && { return std::get<0>(std::move(state_)); }
  const Command* operator->() const { return &value(); }
  const Command& operator*() const { return value(); }
  const CommandError& error() const { return std::get<1>(state_); }

 private:
  std::variant<Command, CommandError> state_;
};

}  // namespace conformance::codec::imap::command

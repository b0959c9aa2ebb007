#include "harness/protocols/imap/expect_compiler.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include "harness/codec/imap/reader.hpp"
#include "harness/scenario/yaml_fields.hpp"

namespace conformance::protocols::imap {

namespace {

using scenario::Diagnostics;
using scenario::Fields;
using scenario::TextMatch;

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

bool is_atom_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_';
  });
}

bool is_variable_name(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

const std::set<std::string>& status_types() {
  static const std::set<std::string> types{"OK", "NO", "BAD", "BYE", "PREAUTH"};
  return types;
}

// Which condition keys make sense for which response type; an unknown
// keyword (an extension's response) gets only the generic ones.
bool type_in(const std::string& type, std::initializer_list<const char*> types) {
  return std::any_of(types.begin(), types.end(), [&](const char* name) { return type == name; });
}

class Compiler {
 public:
  Compiler(std::string file, Diagnostics& diagnostics) : file_(std::move(file)), diagnostics_(diagnostics) {}

  bool ok() const { return diagnostics_.size() == errors_before_; }

  std::shared_ptr<const ImapExpect> compile(const YAML::Node& node) {
    auto expect = std::make_shared<ImapExpect>();
    if (node.IsSequence()) {
      if (node.size() == 0) error(node, "an expect list needs at least one entry");
      for (const auto& entry : node) compile_pipelined_entry(entry, node.size() > 1, *expect);
    } else {
      compile_mapping(node, *expect);
    }
    if (!ok()) return nullptr;
    return expect;
  }

 private:
  void error(const YAML::Node& at, std::string message) {
    diagnostics_.push_back(scenario::Diagnostic{scenario::location_of(at, file_), std::move(message)});
  }

  void compile_pipelined_entry(const YAML::Node& node, bool several, ImapExpect& expect) {
    Fields fields(node, file_, diagnostics_, "expect entry");
    if (!fields.ok()) return;
    if (!fields.has("tagged")) {
      error(node, "each entry of an expect list needs 'tagged' (one per pipelined command)");
    }
    read_common(fields, expect);
    fields.finish();
    const YAML::Node& entry = fields.node();
    const YAML::Node tagged = entry["tagged"];
    if (several && tagged.IsDefined() && !(tagged.IsMap() && tagged["tag"].IsDefined())) {
      error(tagged, "in an expect list of several entries every 'tagged' needs its own 'tag'");
    }
  }

  void compile_mapping(const YAML::Node& node, ImapExpect& expect) {
    Fields fields(node, file_, diagnostics_, "expect");
    if (!fields.ok()) return;
    read_common(fields, expect);
    if (auto continuation = fields.get("continuation"); continuation.IsDefined()) {
      expect.continuation = compile_continuation(continuation);
    }
    if (auto greeting = fields.get("greeting"); greeting.IsDefined()) expect.greeting = compile_greeting(greeting);
    fields.finish();
    const int ends = (expect.greeting ? 1 : 0) + (expect.continuation ? 1 : 0) + (!expect.tagged.empty() ? 1 : 0);
    if (ends > 1) error(node, "an expect takes only one of 'tagged', 'continuation' and 'greeting'");
    if (expect.greeting && (!expect.untagged.empty() || expect.bye)) {
      error(node, "'greeting' cannot be combined with 'untagged' or 'bye'");
    }
    if (ends == 0 && !expect.bye && expect.untagged.empty() && ok()) {
      error(node, "expect needs one of 'tagged', 'continuation', 'greeting', 'bye' or 'untagged'");
    }
  }

  void read_common(Fields& fields, ImapExpect& expect) {
    if (auto tagged = fields.get("tagged"); tagged.IsDefined()) {
      if (auto check = compile_tagged(tagged)) expect.tagged.push_back(std::move(*check));
    }
    if (auto untagged = fields.get("untagged"); untagged.IsDefined()) {
      compile_condition_list(untagged, "'untagged'", expect.untagged);
    }
    if (auto absent = fields.get("absent"); absent.IsDefined()) {
      compile_condition_list(absent, "'absent'", expect.absent);
      for (const auto& condition : expect.absent) {
        if (condition.count) error(absent, "'count' makes no sense in 'absent'");
      }
    }
    if (auto bye = fields.boolean("bye")) expect.bye = expect.bye || *bye;
  }

  std::vector<Status> compile_statuses(const YAML::Node& node, const std::vector<std::string>& allowed,
                                       std::string_view what) {
    std::vector<Status> out;
    for (const auto& name : scenario::string_list(node, file_, diagnostics_, what)) {
      const std::string wanted = upper(name);
      if (std::find(allowed.begin(), allowed.end(), wanted) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        error(node, std::string(what) + " must be one of " + list + ", not '" + name + "'");
        continue;
      }
      for (Status status : {Status::ok, Status::no, Status::bad, Status::preauth, Status::bye}) {
        if (codec::imap::status_name(status) == wanted) out.push_back(status);
      }
    }
    return out;
  }

  std::optional<TaggedCheck> compile_tagged(const YAML::Node& node) {
    TaggedCheck check;
    if (node.IsScalar()) {
      check.statuses = compile_statuses(node, {"OK", "NO", "BAD"}, "'tagged'");
      return check;
    }
    Fields fields(node, file_, diagnostics_, "tagged");
    if (!fields.ok()) return std::nullopt;
    if (auto tag = fields.string("tag")) {
      if (tag->empty() || tag->find_first_of(" \r\n+") != std::string::npos) {
        error(fields.get("tag"), "'tag' must be a non-empty IMAP tag (no space, no '+')");
      }
      check.tag = *tag;
    }
    if (auto status = fields.get("status"); status.IsDefined()) {
      check.statuses = compile_statuses(status, {"OK", "NO", "BAD"}, "'status'");
    }
    if (auto code = fields.get("code"); code.IsDefined()) check.code = compile_code(code);
    if (auto text = fields.get("text"); text.IsDefined())
      check.text = TextMatch::compile(text, file_, diagnostics_, "'text'");
    fields.finish();
    return check;
  }

  std::optional<CodeCheck> compile_code(const YAML::Node& node) {
    CodeCheck code;
    if (node.IsScalar()) {
      code.name = upper(node.Scalar());
    } else {
      Fields fields(node, file_, diagnostics_, "code");
      if (!fields.ok()) return std::nullopt;
      if (auto name = fields.required_string("name")) code.name = upper(*name);
      if (auto value = fields.get("value"); value.IsDefined()) {
        code.value = TextMatch::compile(value, file_, diagnostics_, "'value'");
      }
      code.items = compile_items(fields);
      code.capture = compile_capture(fields);
      fields.finish();
    }
    if (!is_atom_name(code.name))
      error(node, "'code' must name a response code such as READ-WRITE, not '" + code.name + "'");
    return code;
  }

  std::string compile_capture(Fields& fields) {
    auto capture = fields.string("capture");
    if (!capture) return {};
    if (!is_variable_name(*capture)) {
      error(fields.get("capture"), "'capture' must be a variable name ([A-Za-z0-9_]), not '" + *capture + "'");
      return {};
    }
    return *capture;
  }

  ItemsCheck compile_items(Fields& fields) {
    ItemsCheck items;
    items.has = fields.strings("has");
    items.lacks = fields.strings("lacks");
    return items;
  }

  std::optional<NumberCheck> compile_number(const YAML::Node& node, std::string_view what) {
    NumberCheck check;
    auto valid_scalar = [&](const YAML::Node& value, std::string_view key) -> std::optional<std::string> {
      auto text = scalar_string(value, file_, diagnostics_, key);
      if (!text) return std::nullopt;
      const bool digits = !text->empty() &&
                          std::all_of(text->begin(), text->end(), [](unsigned char c) { return std::isdigit(c) != 0; });
      if (!digits && text->find("${") == std::string::npos) {
        error(value, std::string(key) + " must be a number or a ${variable}, not '" + *text + "'");
        return std::nullopt;
      }
      return text;
    };
    if (node.IsScalar()) {
      check.equals = valid_scalar(node, what);
      if (!check.equals) return std::nullopt;
      return check;
    }
    Fields fields(node, file_, diagnostics_, std::string(what));
    if (!fields.ok()) return std::nullopt;
    if (auto equals = fields.get("equals"); equals.IsDefined()) check.equals = valid_scalar(equals, "'equals'");
    if (auto min = fields.integer("min", 0, INT64_MAX)) check.min = static_cast<std::uint64_t>(*min);
    if (auto max = fields.integer("max", 0, INT64_MAX)) check.max = static_cast<std::uint64_t>(*max);
    check.capture = compile_capture(fields);
    fields.finish();
    return check;
  }

  std::optional<ContinuationCheck> compile_continuation(const YAML::Node& node) {
    ContinuationCheck check;
    if (node.IsScalar()) {
      if (node.Scalar() != "true" && node.Scalar() != "yes") {
        error(node, "'continuation' must be true or a mapping with 'text'");
        return std::nullopt;
      }
      return check;
    }
    Fields fields(node, file_, diagnostics_, "continuation");
    if (!fields.ok()) return std::nullopt;
    if (auto text = fields.get("text"); text.IsDefined())
      check.text = TextMatch::compile(text, file_, diagnostics_, "'text'");
    fields.finish();
    return check;
  }

  std::optional<GreetingCheck> compile_greeting(const YAML::Node& node) {
    GreetingCheck check;
    if (node.IsScalar()) {
      if (node.Scalar() == "true" || node.Scalar() == "yes") return check;
      check.statuses = compile_statuses(node, {"OK", "PREAUTH", "BYE"}, "'greeting'");
      return check;
    }
    Fields fields(node, file_, diagnostics_, "greeting");
    if (!fields.ok()) return std::nullopt;
    if (auto status = fields.get("status"); status.IsDefined()) {
      check.statuses = compile_statuses(status, {"OK", "PREAUTH", "BYE"}, "'status'");
    }
    if (auto code = fields.get("code"); code.IsDefined()) check.code = compile_code(code);
    if (auto text = fields.get("text"); text.IsDefined())
      check.text = TextMatch::compile(text, file_, diagnostics_, "'text'");
    fields.finish();
    return check;
  }

  void compile_condition_list(const YAML::Node& node, std::string_view what, std::vector<UntaggedCondition>& out) {
    if (!node.IsSequence()) {
      error(node, std::string(what) + " must be a list of conditions, not " + scenario::describe_kind(node));
      return;
    }
    for (const auto& entry : node) {
      if (auto condition = compile_condition(entry)) out.push_back(std::move(*condition));
    }
  }

  std::optional<UntaggedCondition> compile_condition(const YAML::Node& node) {
    UntaggedCondition condition;
    condition.where = scenario::location_of(node, file_);
    if (node.IsScalar()) {
      condition.type = upper(node.Scalar());
      if (!is_atom_name(condition.type)) error(node, "'" + node.Scalar() + "' is not a response type");
      return condition;
    }
    Fields fields(node, file_, diagnostics_, "untagged condition");
    if (!fields.ok()) return std::nullopt;
    if (auto type = fields.required_string("type")) condition.type = upper(*type);
    if (!condition.type.empty() && !is_atom_name(condition.type)) {
      error(fields.get("type"), "'" + condition.type + "' is not a response type");
    }
    const std::string& type = condition.type;
    const bool status = status_types().contains(type);

    // Keys that apply to some types only: reading them marks them known,
    // so a misplaced one is reported here rather than as "unknown".
    auto only_for = [&](std::string_view key, bool applies, std::string_view types) {
      if (fields.has(key) && !applies) {
        error(fields.get(key), "'" + std::string(key) + "' applies to " + std::string(types) + ", not to " + type);
        return false;
      }
      return fields.has(key);
    };

    if (auto line = fields.get("line"); line.IsDefined())
      condition.line = TextMatch::compile(line, file_, diagnostics_, "'line'");
    if (fields.has("count")) condition.count = fields.integer("count", 0, 1'000'000);
    if (only_for("number", type_in(type, {"EXISTS", "RECENT", "EXPUNGE", "FETCH"}), "EXISTS, RECENT, EXPUNGE, FETCH")) {
      condition.number = compile_number(fields.get("number"), "'number'");
    }
    if (only_for("code", status, "OK, NO, BAD, BYE, PREAUTH")) condition.code = compile_code(fields.get("code"));
    if (only_for("text", status, "OK, NO, BAD, BYE, PREAUTH")) {
      condition.text = TextMatch::compile(fields.get("text"), file_, diagnostics_, "'text'");
    }
    const bool listy = status || type_in(type, {"CAPABILITY", "ENABLED", "FLAGS", "LIST", "LSUB", "SEARCH", "SORT"});
    // Both checked (not ||): each misplaced key gets its own complaint.
    const bool has = only_for("has", listy, "CAPABILITY, ENABLED, FLAGS, LIST, LSUB, SEARCH and status responses");
    const bool lacks = only_for("lacks", listy, "CAPABILITY, ENABLED, FLAGS, LIST, LSUB, SEARCH and status responses");
    if (has || lacks) condition.items = compile_items(fields);
    const bool fetch = type == "FETCH";
    if (only_for("uid", fetch, "FETCH")) condition.uid = compile_number(fields.get("uid"), "'uid'");
    if (only_for("rfc822_size", fetch, "FETCH")) {
      condition.rfc822_size = compile_number(fields.get("rfc822_size"), "'rfc822_size'");
    }
    if (only_for("flags", fetch, "FETCH")) condition.flags = compile_items_mapping(fields.get("flags"), "flags");
    if (only_for("envelope", fetch, "FETCH")) compile_envelope(fields.get("envelope"), condition);
    if (only_for("body_structure", fetch, "FETCH")) {
      condition.body_structure = compile_body_structure(fields.get("body_structure"));
    }
    if (only_for("body", fetch, "FETCH")) compile_body_sections(fields.get("body"), condition);
    const bool list = type_in(type, {"LIST", "LSUB"});
    if (only_for("mailbox", list || type == "STATUS", "LIST, LSUB, STATUS")) {
      condition.mailbox = TextMatch::compile(fields.get("mailbox"), file_, diagnostics_, "'mailbox'");
    }
    if (only_for("delimiter", list, "LIST, LSUB")) {
      condition.delimiter = TextMatch::compile(fields.get("delimiter"), file_, diagnostics_, "'delimiter'");
    }
    if (only_for("attributes", list, "LIST, LSUB")) {
      if (auto attributes = compile_items_mapping(fields.get("attributes"), "attributes")) {
        condition.items.has.insert(condition.items.has.end(), attributes->has.begin(), attributes->has.end());
        condition.items.lacks.insert(condition.items.lacks.end(), attributes->lacks.begin(), attributes->lacks.end());
      }
    }
    if (only_for("items", type_in(type, {"STATUS", "ESEARCH"}), "STATUS, ESEARCH")) {
      compile_result_items(fields.get("items"), condition);
    }
    fields.finish();
    return condition;
  }

  std::optional<ItemsCheck> compile_items_mapping(const YAML::Node& node, std::string what) {
    if (node.IsScalar() || node.IsSequence()) {
      ItemsCheck items;
      items.has = scenario::string_list(node, file_, diagnostics_, "'" + what + "'");
      return items;
    }
    Fields fields(node, file_, diagnostics_, what);
    if (!fields.ok()) return std::nullopt;
    ItemsCheck items = compile_items(fields);
    fields.finish();
    return items;
  }

  void compile_envelope(const YAML::Node& node, UntaggedCondition& condition) {
    Fields fields(node, file_, diagnostics_, "envelope");
    if (!fields.ok()) return;
    for (const char* field :
         {"date", "subject", "from", "sender", "reply_to", "to", "cc", "bcc", "in_reply_to", "message_id"}) {
      auto value = fields.get(field);
      if (!value.IsDefined()) continue;
      if (auto match = TextMatch::compile(value, file_, diagnostics_, std::string("'") + field + "'")) {
        condition.envelope.emplace_back(field, std::move(*match));
      }
    }
    fields.finish();
  }

  std::optional<BodyStructureCheck> compile_body_structure(const YAML::Node& node) {
    Fields fields(node, file_, diagnostics_, "body_structure");
    if (!fields.ok()) return std::nullopt;
    BodyStructureCheck check;
    check.type = fields.string("type");
    check.subtype = fields.string("subtype");
    check.encoding = fields.string("encoding");
    if (auto size = fields.get("size"); size.IsDefined()) check.size = compile_number(size, "'size'");
    if (auto parts = fields.get("parts"); parts.IsDefined()) check.parts = compile_number(parts, "'parts'");
    fields.finish();
    return check;
  }

  void compile_body_sections(const YAML::Node& node, UntaggedCondition& condition) {
    if (node.IsSequence()) {
      for (const auto& entry : node) compile_body_section(entry, condition);
    } else {
      compile_body_section(node, condition);
    }
  }

  void compile_body_section(const YAML::Node& node, UntaggedCondition& condition) {
    Fields fields(node, file_, diagnostics_, "body");
    if (!fields.ok()) return;
    BodySectionCheck check;
    check.section_text = upper(fields.string("section").value_or(""));
    const std::string bracketed = "[" + check.section_text + "]";
    codec::imap::Reader reader(bracketed);
    check.section = codec::imap::read_section(reader);
    if (!reader.ok() || !reader.at_end()) {
      error(fields.get("section"),
            "'section' is not an IMAP section specifier (RFC 9051 §6.4.5): '" + check.section_text + "'");
    }
    if (auto origin = fields.integer("origin", 0, UINT32_MAX)) check.origin = static_cast<std::uint32_t>(*origin);
    if (auto text = fields.get("text"); text.IsDefined())
      check.text = TextMatch::compile(text, file_, diagnostics_, "'text'");
    if (auto size = fields.get("size"); size.IsDefined()) check.size = compile_number(size, "'size'");
    check.nil = fields.boolean("nil").value_or(false);
    fields.finish();
    condition.body.push_back(std::move(check));
  }

  void compile_result_items(const YAML::Node& node, UntaggedCondition& condition) {
    if (!node.IsMap()) {
      error(node, "'items' must be a mapping such as {MESSAGES: 3}, not " + scenario::describe_kind(node));
      return;
    }
    for (const auto& entry : node) {
      const std::string name = upper(entry.first.Scalar());
      if (!is_atom_name(name)) {
        error(entry.first, "'" + name + "' is not an item name");
        continue;
      }
      if (condition.type == "STATUS") {
        if (auto check = compile_number(entry.second, "'" + name + "'")) {
          condition.status_items.emplace_back(name, std::move(*check));
        }
        continue;
      }
      // ESEARCH values are numbers or sets ("1:3,5"): compared as text.
      YAML::Node wrapped(YAML::NodeType::Map);
      if (entry.second.IsScalar()) {
        wrapped["equals"] = entry.second.Scalar();
      } else {
        wrapped = entry.second;
      }
      if (auto match = TextMatch::compile(wrapped, file_, diagnostics_, "'" + name + "'")) {
        condition.esearch_items.emplace_back(name, std::move(*match));
      }
    }
  }

  std::string file_;
  Diagnostics& diagnostics_;
  std::size_t errors_before_ = diagnostics_.size();
};

}  // namespace

std::shared_ptr<const ImapExpect> compile_expect(const YAML::Node& node, const std::string& file,
                                                 Diagnostics& diagnostics) {
  Compiler compiler(file, diagnostics);
  return compiler.compile(node);
}

}  // namespace conformance::protocols::imap

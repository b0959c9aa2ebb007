#include "harness/protocols/smtp/compile_expect.hpp"

#include "harness/protocols/smtp/keywords.hpp"
#include "harness/scenario/yaml_fields.hpp"

namespace conformance::protocols::smtp {

namespace {

using scenario::Diagnostic;
using scenario::Diagnostics;
using scenario::Fields;

constexpr std::int64_t kMaxLineCount = 100'000;

bool is_variable_name(std::string_view name) {
  if (name.empty()) return false;
  const char first = name.front();
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_')) return false;
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

class Compiler {
 public:
  Compiler(const std::string& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  void error(const YAML::Node& at, std::string message) {
    diagnostics_.push_back(Diagnostic{scenario::location_of(at, file_), std::move(message)});
  }

  std::optional<ReplyExpectation> reply(const YAML::Node& node) {
    if (node.IsScalar()) {
      ReplyExpectation expectation;
      expectation.codes = codes(node, "expect");
      return expectation;
    }
    if (!node.IsMap()) {
      error(node, "an SMTP reply expectation must be a code (250, \"2xx\") or a mapping, not " +
                      scenario::describe_kind(node));
      return std::nullopt;
    }
    ReplyExpectation expectation;
    Fields fields(node, file_, diagnostics_, "expect");
    if (YAML::Node code = fields.get("code"); code.IsDefined()) {
      expectation.codes = patterned(code, "'code'", expectation.capture_code,
                                    [this](const YAML::Node& n, const std::string& what) { return codes(n, what); });
    }
    if (YAML::Node enhanced = fields.get("enhanced"); enhanced.IsDefined()) {
      expectation.enhanced =
          patterned(enhanced, "'enhanced'", expectation.capture_enhanced,
                    [this](const YAML::Node& n, const std::string& what) { return enhanced_codes(n, what); });
    }
    if (YAML::Node text = fields.get("text"); text.IsDefined()) {
      expectation.text = scenario::TextMatch::compile(text, file_, diagnostics_, "'text'");
    }
    if (YAML::Node line = fields.get("line"); line.IsDefined()) {
      if (line.IsSequence()) {
        for (const auto& item : line) add_line_match(item, expectation);
      } else {
        add_line_match(line, expectation);
      }
    }
    if (auto count = fields.integer("lines", 1, kMaxLineCount))
      expectation.line_count = static_cast<std::size_t>(*count);
    if (YAML::Node keywords = fields.get("keywords"); keywords.IsDefined()) {
      keyword_conditions(keywords, expectation);
    }
    if (YAML::Node capture = fields.get("capture"); capture.IsDefined()) {
      expectation.capture_text = capture_name(capture);
    }
    fields.finish();
    return expectation;
  }

 private:
  // A pattern or list of them, or {is: <those>, capture: name}.
  template <class Parse>
  auto patterned(const YAML::Node& node, const std::string& what, std::optional<std::string>& capture, Parse parse)
      -> decltype(parse(node, what)) {
    if (!node.IsMap()) return parse(node, what);
    Fields fields(node, file_, diagnostics_, what);
    decltype(parse(node, what)) patterns;
    if (YAML::Node is = fields.get("is"); is.IsDefined()) patterns = parse(is, what);
    if (YAML::Node name = fields.required("capture"); name.IsDefined()) capture = capture_name(name);
    fields.finish();
    return patterns;
  }

  std::vector<CodePattern> codes(const YAML::Node& node, const std::string& what) {
    std::vector<CodePattern> patterns;
    for_each_scalar(node, what, [&](const YAML::Node& item) {
      if (auto pattern = CodePattern::parse(item.Scalar())) {
        patterns.push_back(*pattern);
      } else {
        error(item, what + ": '" + item.Scalar() +
                        "' is not a reply code or pattern (three characters, each a digit or x, the first 2-5 or "
                        "x: 250, 25x, 5xx)");
      }
    });
    return patterns;
  }

  std::vector<EnhancedPattern> enhanced_codes(const YAML::Node& node, const std::string& what) {
    std::vector<EnhancedPattern> patterns;
    for_each_scalar(node, what, [&](const YAML::Node& item) {
      if (auto pattern = EnhancedPattern::parse(item.Scalar())) {
        patterns.push_back(*pattern);
      } else {
        error(item, what + ": '" + item.Scalar() +
                        "' is not an enhanced status code or pattern (class.subject.detail, class 2, 4, 5 or x, "
                        "the others 1-3 digits or x: 2.1.0, 5.7.x)");
      }
    });
    return patterns;
  }

  template <class F>
  void for_each_scalar(const YAML::Node& node, const std::string& what, F each) {
    if (node.IsScalar()) {
      each(node);
      return;
    }
    if (!node.IsSequence() || node.size() == 0) {
      error(node, what + " must be a value or a non-empty list of values, not " + scenario::describe_kind(node));
      return;
    }
    for (const auto& item : node) {
      if (item.IsScalar()) {
        each(item);
      } else {
        error(item, what + ": list items must be values, not " + scenario::describe_kind(item));
      }
    }
  }

  void add_line_match(const YAML::Node& node, ReplyExpectation& expectation) {
    if (auto match = scenario::TextMatch::compile(node, file_, diagnostics_, "'line'")) {
      expectation.any_line.push_back(std::move(*match));
    }
  }

  void keyword_conditions(const YAML::Node& node, ReplyExpectation& expectation) {
    Fields fields(node, file_, diagnostics_, "keywords");
    expectation.check_keywords = true;
    for (auto [key, list] :
         {std::pair{"has", &expectation.keywords_present}, std::pair{"lacks", &expectation.keywords_absent}}) {
      YAML::Node value = fields.get(key);
      for (const auto& name : fields.strings(key)) {
        if (is_keyword_name(name)) {
          list->push_back(upper_case(name));
        } else {
          error(value,
                "keywords: '" + name + "' is not an EHLO keyword (letters, digits and '-') or AUTH=<SASL mechanism>");
        }
      }
    }
    fields.finish();
  }

  std::optional<std::string> capture_name(const YAML::Node& node) {
    auto name = scenario::scalar_string(node, file_, diagnostics_, "'capture'");
    if (!name) return std::nullopt;
    if (!is_variable_name(*name)) {
      error(node, "'capture': '" + *name +
                      "' is not a variable name (a letter or '_', then letters, digits, '_', "
                      "'.', '-')");
      return std::nullopt;
    }
    return name;
  }

  const std::string& file_;
  Diagnostics& diagnostics_;
};

}  // namespace

std::shared_ptr<const ExpectReplies> compile_expect(const YAML::Node& node, const std::string& file,
                                                    Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.size();
  Compiler compiler(file, diagnostics);
  if (node.IsScalar() && node.Scalar() == "none") {
    return std::make_shared<const ExpectReplies>(ExpectReplies::silence());
  }
  std::vector<ReplyExpectation> replies;
  if (node.IsSequence()) {
    if (node.size() == 0) compiler.error(node, "expect: an empty list expects nothing; write 'none' for silence");
    for (const auto& item : node) {
      if (auto reply = compiler.reply(item)) replies.push_back(std::move(*reply));
    }
  } else if (node.IsDefined() && !node.IsNull()) {
    if (auto reply = compiler.reply(node)) replies.push_back(std::move(*reply));
  } else {
    compiler.error(node, "expect needs a reply code, a mapping, a list of them, or 'none'");
  }
  if (diagnostics.size() != errors_before) return nullptr;
  return std::make_shared<const ExpectReplies>(std::move(replies));
}

}  // namespace conformance::protocols::smtp

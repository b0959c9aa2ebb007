#include "harness/scenario/yaml_guard.hpp"

#include "harness/scenario/loader.hpp"
#include "harness/scenario/yaml_fields.hpp"

#include <yaml-cpp/eventhandler.h>

#include <cstddef>
#include <map>
#include <sstream>
#include <vector>

namespace conformance::scenario {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

// Walks the text line by line, keeping the stack of block collections by
// indentation and the depth of open flow brackets. It only has to keep
// yaml-cpp from recursing too deep, so where YAML is ambiguous without a
// full parse it counts a level too many rather than one too few.
class NestingScanner {
 public:
  NestingEstimate run(std::string_view text) {
    int number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      scan_line(text.substr(start, end - start), ++number);
      start = end + 1;
    }
    return deepest_;
  }

 private:
  struct BlockLevel {
    std::size_t indent = 0;
    bool sequence = false;
  };

  void reach(int depth, int line, std::size_t index) {
    if (depth <= deepest_.depth) return;
    deepest_ = NestingEstimate{depth, line, static_cast<int>(index) + 1};
  }

  void scan_line(std::string_view text, int number) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    std::size_t indent = 0;
    while (indent < text.size() && text[indent] == ' ') ++indent;
    const bool blank = text.find_first_not_of(" \t") == std::string_view::npos;
    if (block_scalar_parent_) {
      if (blank || static_cast<long>(indent) > *block_scalar_parent_) return;
      block_scalar_parent_.reset();
    }

    std::size_t i = 0;
    bool token_start = quote_ == 0;
    bool pushed = false;  // this line's block level is on the stack
    long node_column = static_cast<long>(indent);
    int depth_here = 0;
    if (quote_ == 0 && flow_ == 0) {
      if (blank || text[indent] == '#') return;
      if (indent == 0 && (text.starts_with("---") || text.starts_with("...")) &&
          (text.size() == 3 || is_blank(text[3]))) {
        blocks_.clear();
        i = 3;
        node_column = -1;
      } else {
        const bool entry = text[indent] == '-' && (indent + 1 == text.size() || is_blank(text[indent + 1]));
        while (!blocks_.empty() && (blocks_.back().indent > indent ||
                                    (blocks_.back().indent == indent && blocks_.back().sequence && !entry))) {
          blocks_.pop_back();
        }
        i = indent;
      }
      depth_here = static_cast<int>(blocks_.size());
    } else {
      depth_here = flow_ > 0 ? flow_base_ : static_cast<int>(blocks_.size());
    }

    // A block indicator ("- ", "? ", ": "): the line's level is a collection.
    auto enter_block = [&](bool dash, std::size_t at) {
      if (!pushed) {
        pushed = true;
        if (blocks_.empty() || blocks_.back().indent < indent ||
            (blocks_.back().indent == indent && dash && !blocks_.back().sequence)) {
          blocks_.push_back(BlockLevel{indent, dash});
        }
        depth_here = static_cast<int>(blocks_.size());
      } else {
        ++depth_here;
      }
      reach(depth_here, number, at);
    };
    auto open_flow = [&](std::size_t at) {
      if (flow_ == 0) flow_base_ = depth_here;
      ++flow_;
      reach(flow_base_ + flow_, number, at);
    };

    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (quote_ == '"') {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote_ = 0;
        }
        continue;
      }
      if (quote_ == '\'') {
        if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
        } else if (c == '\'') {
          quote_ = 0;
        }
        continue;
      }
      if (is_blank(c)) continue;
      if (c == '#' && (i == 0 || is_blank(text[i - 1]))) return;
      const bool next_blank = i + 1 >= text.size() || is_blank(text[i + 1]);

      if (token_start) {
        if (c == '"' || c == '\'') {
          quote_ = c;
          token_start = false;
          continue;
        }
        if (c == '[' || c == '{') {
          open_flow(i);
          continue;
        }
        if (flow_ == 0 && (c == '-' || c == '?' || c == ':') && next_blank) {
          enter_block(c == '-', i);
          if (c == '-') node_column = static_cast<long>(i);
          continue;
        }
        if (flow_ == 0 && (c == '|' || c == '>')) {
          block_scalar_parent_ = node_column;
          return;
        }
        if (c == '&' || c == '!' || c == '*') {  // anchor, tag or alias: a property, then the node
          while (i + 1 < text.size() && !is_blank(text[i + 1]) && !(flow_ > 0 && is_flow_indicator(text[i + 1]))) ++i;
          continue;
        }
      }

      if (flow_ > 0) {
        if (c == '[' || c == '{') {
          open_flow(i);
          token_start = true;
        } else if (c == ']' || c == '}') {
          --flow_;
          token_start = false;
        } else if (c == ',') {
          token_start = true;
        } else if (c == ':' && (next_blank || is_flow_indicator(text[i + 1]))) {
          token_start = true;
        } else {
          token_start = false;
        }
        continue;
      }

      // Block context, inside a plain scalar (a key or a value).
      if (c == ':' && next_blank) {
        enter_block(false, i);
        token_start = true;
        continue;
      }
      if (token_start) node_column = static_cast<long>(i);
      token_start = false;
    }
  }

  std::vector<BlockLevel> blocks_;
  int flow_ = 0;
  int flow_base_ = 0;                        // block depth where the open flow collection started
  char quote_ = 0;                           // '"' or '\'' inside a quoted scalar spanning lines
  std::optional<long> block_scalar_parent_;  // lines indented deeper belong to a block scalar
  NestingEstimate deepest_;
};

// yaml-cpp's events, before any tree exists: aliases and documents.
class EventCheck : public YAML::EventHandler {
 public:
  EventCheck(const std::string& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 2) {
      add(mark, "a scenario file holds one document; this is a second one (one scenario per file)");
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (aliases_++ == 0) add(mark, "aliases (*name) are not supported in scenario files: write the value out");
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  void add(const YAML::Mark& mark, std::string message) {
    diagnostics_.push_back(Diagnostic{SourceLocation{file_, mark.line + 1, mark.column + 1}, std::move(message)});
  }

  const std::string& file_;
  Diagnostics& diagnostics_;
  int documents_ = 0;
  int aliases_ = 0;
};

std::string at_line_column(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

// The real depth, and keys written twice in one mapping. Recursion stops
// one level past the limit.
void check_tree(const YAML::Node& node, int depth, const std::string& file, Diagnostics& diagnostics,
                bool& reported_depth) {
  if (!node.IsMap() && !node.IsSequence()) return;
  if (depth > kMaxYamlNesting) {
    if (!reported_depth) {
      diagnostics.push_back(
          Diagnostic{location_of(node, file), "nested deeper than " + std::to_string(kMaxYamlNesting) + " levels"});
    }
    reported_depth = true;
    return;
  }
  if (node.IsSequence()) {
    for (const auto& item : node) check_tree(item, depth + 1, file, diagnostics, reported_depth);
    return;
  }
  std::map<std::string, YAML::Node> seen;
  for (const auto& entry : node) {
    if (entry.first.IsScalar()) {
      auto [it, fresh] = seen.emplace(entry.first.Scalar(), entry.first);
      if (!fresh) {
        diagnostics.push_back(
            Diagnostic{location_of(entry.first, file),
                       "duplicate key '" + entry.first.Scalar() + "' (first at " + at_line_column(it->second) + ")"});
      }
    } else {
      check_tree(entry.first, depth + 1, file, diagnostics, reported_depth);
    }
    check_tree(entry.second, depth + 1, file, diagnostics, reported_depth);
  }
}

}  // namespace

NestingEstimate estimate_nesting(std::string_view text) { return NestingScanner().run(text); }

std::optional<YAML::Node> parse_yaml_document(std::string_view text, const std::string& file,
                                              Diagnostics& diagnostics) {
  if (text.size() > kMaxScenarioFileBytes) {
    diagnostics.push_back(Diagnostic{SourceLocation{file, 0, 0}, "the file is " + std::to_string(text.size()) +
                                                                     " bytes; scenario files are limited to " +
                                                                     std::to_string(kMaxScenarioFileBytes) + " bytes"});
    return std::nullopt;
  }
  const NestingEstimate nesting = estimate_nesting(text);
  if (nesting.depth > kMaxYamlNesting) {
    diagnostics.push_back(Diagnostic{SourceLocation{file, nesting.line, nesting.column},
                                     "nested deeper than " + std::to_string(kMaxYamlNesting) + " levels"});
    return std::nullopt;
  }

  const std::size_t errors_before = diagnostics.size();
  const std::string copy(text);
  try {
    std::istringstream events_input(copy);
    YAML::Parser parser(events_input);
    EventCheck check(file, diagnostics);
    while (check.documents() < 2 && parser.HandleNextDocument(check)) {
    }
    if (diagnostics.size() != errors_before) return std::nullopt;
    if (check.documents() == 0) {
      diagnostics.push_back(
          Diagnostic{SourceLocation{file, 1, 1}, "the file is empty; a scenario needs id, title, protocol and steps"});
      return std::nullopt;
    }
    YAML::Node root = YAML::Load(copy);
    bool reported_depth = false;
    check_tree(root, 1, file, diagnostics, reported_depth);
    if (diagnostics.size() != errors_before) return std::nullopt;
    return root;
  } catch (const YAML::Exception& error) {
    SourceLocation where{file, 0, 0};
    if (!error.mark.is_null()) where = SourceLocation{file, error.mark.line + 1, error.mark.column + 1};
    diagnostics.push_back(Diagnostic{where, "YAML syntax: " + error.msg});
  } catch (const std::exception& error) {
    diagnostics.push_back(Diagnostic{SourceLocation{file, 0, 0}, std::string("cannot parse YAML: ") + error.what()});
  }
  return std::nullopt;
}

}  // namespace conformance::scenario

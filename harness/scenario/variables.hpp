// Scenario variables: `${name}` in any text a step sends or matches.
// Set from the target (host, user, password, ...), per run (mailbox names
// unique to the run) and by captures in expect steps, imaptest-style.
//
// A secret variable (the password, SASL blobs built from it) expands to its
// value on the wire but to "<redacted>" in the rendering kept for
// transcripts, so no code path can record it by accident.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace conformance::scenario {

struct Expansion {
  std::string bytes;      // what goes on the wire
  std::string rendering;  // what transcripts and reports may show
  bool has_secret = false;
};

class Variables {
 public:
  void set(std::string name, std::string value);
  void set_secret(std::string name, std::string value);
  std::optional<std::string> get(std::string_view name) const;
  bool contains(std::string_view name) const;
  bool is_secret(std::string_view name) const;

  // Replaces every ${name}; "$$" is a literal "$". An unknown name is an
  // error (returned as the name), so a typo never goes out as "${usr}".
  std::optional<std::string> expand(std::string_view text, Expansion& out) const;

  // Every occurrence of a secret value becomes "<redacted>" (overlapping or
  // adjacent ones a single one), for scrubbing text that did not come from
  // an expansion (server echoes, error messages).
  std::string scrub(std::string_view text) const;

 private:
  struct Value {
    std::string text;
    bool secret = false;
  };
  std::map<std::string, Value, std::less<>> values_;
};

}  // namespace conformance::scenario

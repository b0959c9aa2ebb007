// Verdict counts per protocol and per RFC section.
#include "reports/tally.hpp"

#include "sample_run.hpp"

#include <gtest/gtest.h>

namespace conformance::reports {
namespace {

using result::Verdict;
using testing::run_of;

TEST(RfcReference, SplitsDocumentAndSection) {
  const RfcReference reference = parse_rfc_reference("RFC 9051 §6.3.2");
  EXPECT_EQ(reference.document, "RFC 9051");
  EXPECT_EQ(reference.section, "6.3.2");
}

TEST(RfcReference, WithoutSectionHasAnEmptySection) {
  const RfcReference reference = parse_rfc_reference("RFC 5321");
  EXPECT_EQ(reference.document, "RFC 5321");
  EXPECT_EQ(reference.section, "");
}

TEST(RfcOrder, SortsDocumentsByNumber) {
  EXPECT_TRUE(rfc_order({"RFC 821", "1"}, {"RFC 5321", "1"}));
  EXPECT_FALSE(rfc_order({"RFC 5321", "1"}, {"RFC 821", "1"}));
}

TEST(RfcOrder, SortsSectionsPartByPartNumerically) {
  EXPECT_TRUE(rfc_order({"RFC 9051", "2.9"}, {"RFC 9051", "2.10"}));
  EXPECT_TRUE(rfc_order({"RFC 9051", "6.3"}, {"RFC 9051", "6.3.2"}));
  EXPECT_FALSE(rfc_order({"RFC 9051", "6.3.2"}, {"RFC 9051", "6.3.2"}));
}

TEST(TallyByRfc, CountsAScenarioUnderEachSectionItCites) {
  const auto rows = tally_by_rfc(run_of({testing::failed_scenario()}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].reference.document, "RFC 3501");
  EXPECT_EQ(rows[1].reference.document, "RFC 9051");
  EXPECT_EQ(rows[0].counts.count(Verdict::failed), 1u);
  EXPECT_EQ(rows[1].counts.count(Verdict::failed), 1u);
}

TEST(TallyByRfc, GroupsScenariosCitingTheSameSection) {
  const auto rows = tally_by_rfc(run_of({testing::expected_failure_scenario(), testing::unexpected_pass_scenario()}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].reference.section, "7");
  EXPECT_EQ(rows[0].counts.count(Verdict::expected_failure), 1u);
  EXPECT_EQ(rows[0].counts.count(Verdict::unexpected_pass), 1u);
  EXPECT_EQ(rows[0].counts.total(), 2u);
}

TEST(TallyByRfc, CountsScenariosWithoutRfcUnderNoRfcLast) {
  auto bare = testing::error_scenario();
  bare.rfc.clear();
  const auto rows = tally_by_rfc(run_of({bare, testing::passed_scenario()}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].reference.document, "(no RFC)");
  EXPECT_EQ(rows[1].counts.count(Verdict::error), 1u);
}

TEST(TallyByProtocol, CountsEachVerdictPerProtocolInAlphabeticalOrder) {
  const auto rows = tally_by_protocol(testing::sample_run());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].protocol, "imap");
  EXPECT_EQ(rows[0].counts.count(Verdict::passed), 1u);
  EXPECT_EQ(rows[0].counts.count(Verdict::failed), 1u);
  EXPECT_EQ(rows[0].counts.count(Verdict::error), 1u);
  EXPECT_EQ(rows[1].protocol, "pop3");
  EXPECT_EQ(rows[2].protocol, "smtp");
  EXPECT_EQ(rows[2].counts.count(Verdict::warned), 1u);
  EXPECT_EQ(rows[2].counts.count(Verdict::skipped), 1u);
}

}  // namespace
}  // namespace conformance::reports

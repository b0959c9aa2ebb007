#include "harness/engine/runner.hpp"

#include "harness/engine/client_run.hpp"
#include "harness/engine/scenario_run.hpp"
#include "harness/engine/target.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace conformance::engine {
namespace {

// Runs blocking `work` on `pool` and resumes the calling coroutine on its own
// executor with the result: client scenarios wait for a program, and the
// server scenarios sharing the run's thread must not wait with them.
template <class Value, class Work>
net::awaitable<Value> on_pool(boost::asio::thread_pool& pool, Work work) {
  auto initiation = [&pool, work = std::move(work)](auto handler) mutable {
    // Tracked, so the run's io_context does not run dry while the pool works.
    auto home = boost::asio::prefer(boost::asio::get_associated_executor(handler),
                                    boost::asio::execution::outstanding_work.tracked);
    boost::asio::post(pool, [work = std::move(work), handler = std::move(handler), home]() mutable {
      Value value = work();
      boost::asio::post(home, [handler = std::move(handler), value = std::move(value)]() mutable {
        std::move(handler)(std::move(value));
      });
    });
  };
  co_return co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(Value)>(
      std::move(initiation), boost::asio::use_awaitable);
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> std::optional<unsigned> {
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
    return value;
  };
  auto index = number(text.substr(0, slash));
  auto count = number(text.substr(slash + 1));
  if (!index || !count || *count == 0 || *index == 0 || *index > *count) return std::nullopt;
  return Shard{*index, *count};
}

bool in_shard(std::string_view scenario_id, const Shard& shard) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a: simple, and the same on every platform
  for (unsigned char c : scenario_id) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash % shard.count == shard.index - 1;
}

std::vector<const scenario::Scenario*> select_scenarios(const std::vector<scenario::Scenario>& scenarios,
                                                        const Selection& selection) {
  std::vector<const scenario::Scenario*> chosen;
  auto has_tag = [](const scenario::Scenario& s, const std::string& tag) {
    return std::find(s.tags.begin(), s.tags.end(), tag) != s.tags.end();
  };
  for (const auto& scenario : scenarios) {
    if (!selection.filters.empty() &&
        std::none_of(selection.filters.begin(), selection.filters.end(),
                     [&](const std::string& glob) { return glob_match(glob, scenario.id); })) {
      continue;
    }
    if (!selection.tags.empty() && std::none_of(selection.tags.begin(), selection.tags.end(),
                                                [&](const std::string& tag) { return has_tag(scenario, tag); })) {
      continue;
    }
    if (std::any_of(selection.exclude_tags.begin(), selection.exclude_tags.end(),
                    [&](const std::string& tag) { return has_tag(scenario, tag); })) {
      continue;
    }
    if (selection.shard && !in_shard(scenario.id, *selection.shard)) continue;
    chosen.push_back(&scenario);
  }
  return chosen;
}

result::RunResult run_scenarios(const std::vector<const scenario::Scenario*>& scenarios, RunContext& run,
                                std::size_t jobs, const ResultCallback& on_result) {
  result::RunResult outcome;
  outcome.started_at = std::chrono::system_clock::now();
  const auto started = std::chrono::steady_clock::now();
  outcome.target = run.target.describe();
  outcome.insecure = run.target.insecure;
  outcome.scenarios.resize(scenarios.size());

  boost::asio::io_context io;
  const std::size_t workers = std::max<std::size_t>(1, std::min(jobs, scenarios.size()));
  boost::asio::thread_pool client_threads(workers);
  ClientRunSettings client_settings;
  client_settings.deviations = run.target.deviations;
  std::size_t next = 0;
  auto worker = [&]() -> net::awaitable<void> {
    while (next < scenarios.size()) {
      const std::size_t index = next++;
      const scenario::Scenario& scenario = *scenarios[index];
      if (scenario.client) {
        auto work = [&scenario, &client_settings] { return run_client_scenario(scenario, client_settings); };
        outcome.scenarios[index] = co_await on_pool<result::ScenarioResult>(client_threads, std::move(work));
      } else {
        outcome.scenarios[index] = co_await run_scenario(scenario, run);
      }
      if (on_result) on_result(outcome.scenarios[index]);
    }
  };
  for (std::size_t i = 0; i < workers; ++i) {
    boost::asio::co_spawn(io, worker(), [](std::exception_ptr failure) {
      if (failure) std::rethrow_exception(failure);
    });
  }
  io.run();
  client_threads.join();
  outcome.duration =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  return outcome;
}

}  // namespace conformance::engine

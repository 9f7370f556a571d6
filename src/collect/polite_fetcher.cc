#include "collect/polite_fetcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "io/canonical_url.h"

namespace storyline {
namespace {

constexpr std::chrono::hours kRobotsLifetime(24);
constexpr int kMaxBackoffDoublings = 5;

std::chrono::steady_clock::duration Seconds(double seconds) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(seconds));
}

// The path and query of a canonical URL of `site`, as robots.txt rules match them.
std::string PathOf(const std::string& site, const std::string& url) {
  const std::string canonical = CanonicalUrl(url);
  return canonical.size() > site.size() ? canonical.substr(site.size()) : "/";
}

bool Failed(const FetchResult& result) {
  return result.status == 0 || result.status == 429 || result.status >= 500;
}

}  // namespace

PoliteFetcher::PoliteFetcher(PoliteOptions options,
                             std::function<void(const HttpExchange&)> archive)
    : options_(std::move(options)), archive_(std::move(archive)) {}

PoliteFetcher::Site& PoliteFetcher::SiteState(const std::string& site) {
  std::lock_guard lock(mutex_);
  return sites_[site];  // std::map: references stay valid as sites are added
}

void PoliteFetcher::Archive(const FetchResult& result) {
  if (!archive_) return;
  std::lock_guard lock(mutex_);
  for (const HttpExchange& exchange : result.exchanges) archive_(exchange);
}

bool PoliteFetcher::WaitTurn(const std::string& site, const std::function<bool()>& stop) {
  const Clock::time_point until = SiteState(site).next_request;
  while (Clock::now() < until) {
    if (stop && stop()) return false;
    std::this_thread::sleep_for(
        std::min<Clock::duration>(until - Clock::now(), std::chrono::milliseconds(50)));
  }
  return !(stop && stop());
}

void PoliteFetcher::AfterRequest(const std::string& site, const FetchResult& result) {
  Site& state = SiteState(site);
  std::lock_guard lock(mutex_);
  state.failures_in_a_row = Failed(result) ? state.failures_in_a_row + 1 : 0;
  double delay = options_.host_delay;
  if (state.robots && state.robots->crawl_delay()) {
    delay = std::max(delay, std::min(*state.robots->crawl_delay(), options_.max_wait));
  }
  delay *= std::pow(2.0, std::min(state.failures_in_a_row, kMaxBackoffDoublings));
  if (result.retry_after) delay = std::max(delay, *result.retry_after);
  state.next_request = Clock::now() + Seconds(delay);
}

const RobotsRules& PoliteFetcher::Robots(const std::string& site, HttpFetcher& fetcher,
                                         const std::function<bool()>& stop) {
  Site& state = SiteState(site);
  // Only this site's worker writes its rules (under the lock, since the workers of other
  // sites read them when a redirect crosses over); it may read them without.
  if (state.robots && Clock::now() < state.robots_expire) return *state.robots;
  RobotsRules rules = RobotsRules::DisallowAll();  // when stopping: nothing more is fetched
  Clock::duration lifetime = Clock::duration::zero();
  FetchResult result;
  const bool asked = WaitTurn(site, stop);
  if (asked) {
    FetchRequest request;
    request.url = site + "/robots.txt";
    result = fetcher.Fetch(request);
    Archive(result);
    if (result.ok()) {
      rules = RobotsRules::Parse(result.body, options_.robots_token);
      lifetime = kRobotsLifetime;
    } else if (result.error.empty() && result.status >= 400 && result.status < 500) {
      rules = RobotsRules::AllowAll();
      lifetime = kRobotsLifetime;
    } else {
      lifetime = Seconds(options_.unreachable_robots_retry);
    }
  }
  {
    std::lock_guard lock(mutex_);
    state.robots = std::move(rules);
    state.robots_expire = Clock::now() + lifetime;
  }
  if (asked) AfterRequest(site, result);  // after the rules: their Crawl-delay counts
  return *state.robots;
}

void PoliteFetcher::FetchSite(const std::string& site,
                              const std::vector<const FetchRequest*>& requests,
                              HttpFetcher& fetcher,
                              const std::function<void(FetchResult&&)>& on_result,
                              const std::function<bool()>& stop) {
  const auto deliver = [&](FetchResult&& result) {
    std::lock_guard lock(mutex_);
    on_result(std::move(result));
  };
  for (const FetchRequest* request : requests) {
    const RobotsRules& robots = Robots(site, fetcher, stop);
    const double wait =
        std::chrono::duration<double>(SiteState(site).next_request - Clock::now()).count();
    if (wait > options_.max_wait) {
      FetchResult held;
      held.url = held.final_url = request->url;
      held.error = fmt::format("the site asked to wait {:.0f} s", std::ceil(wait));
      held.no_answer = true;
      deliver(std::move(held));
      continue;
    }
    if (!WaitTurn(site, stop)) return;
    FetchResult result = fetcher.Fetch(*request, [&](const std::string& url) {
      // A redirect to another site is checked against the robots rules read so far for
      // it; one never asked is allowed here and read before its own pages are fetched.
      const std::string target = SiteOf(url);
      if (target == site) return robots.Allowed(PathOf(site, url));
      std::lock_guard lock(mutex_);
      const auto other = sites_.find(target);
      return other == sites_.end() || !other->second.robots ||
             other->second.robots->Allowed(PathOf(target, url));
    });
    Archive(result);
    AfterRequest(site, result);
    deliver(std::move(result));
  }
}

void PoliteFetcher::FetchAll(const std::vector<FetchRequest>& requests,
                             const std::function<void(FetchResult&&)>& on_result,
                             const std::function<bool()>& stop) {
  // Sites in the order their first page was asked for; each site's pages in order.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const FetchRequest*>> by_site;
  for (const FetchRequest& request : requests) {
    const std::string site = SiteOf(request.url);
    if (site.empty()) {
      FetchResult bad;
      bad.url = bad.final_url = request.url;
      bad.error = "not an http or https address";
      on_result(std::move(bad));
      continue;
    }
    auto& list = by_site[site];
    if (list.empty()) order.push_back(site);
    list.push_back(&request);
  }
  std::atomic<size_t> next_site = 0;
  const auto worker = [&] {
    HttpFetcher fetcher(options_.fetch);
    for (size_t i = next_site++; i < order.size(); i = next_site++) {
      if (stop && stop()) return;
      FetchSite(order[i], by_site.at(order[i]), fetcher, on_result, stop);
    }
  };
  const size_t threads =
      std::min(order.size(), static_cast<size_t>(std::max(1, options_.parallel_hosts)));
  std::vector<std::thread> workers;
  for (size_t i = 1; i < threads; ++i) workers.emplace_back(worker);
  if (threads > 0) worker();
  for (std::thread& thread : workers) thread.join();
}

}  // namespace storyline

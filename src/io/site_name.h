// The outlet's name as a web page gives it, and the page's title without it. Pages put
// more than the name where the name belongs: keyword lists in og:site_name ("Autoracing
// | F1 | Indy | MotoGP"), addresses and handles ("https://www.example.in", "@outlet"),
// the host as a slug ("oregonlive"); and they end or start the <title> with the name
// after a separator ("... - Sportsnet", "The Space Review: ..."). A part of a title is
// taken for the outlet's name only when it names the page's host, so a section
// ("| Editorial") or a series name is never taken for the outlet.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

// `value` as an outlet name: empty for an address or a handle; the first part of a
// list of three or more parts separated by " | ".
std::string CleanSiteName(std::string_view value);

// Whether `name` names the site at `host` ("USA TODAY" and usatoday.com, "The Space
// Review" and www.thespacereview.com): the host's main label holds the name's letters
// and digits (lower-cased), or a run of the name's words holds the label with at most
// two words besides ("The GiveWell Blog", not "The Guardian view on Hong Kong").
bool NamesHost(std::string_view name, std::string_view host);

// The part of `title`, before its first or after its last separator (" | ", " - ",
// " – ", " — ", ": " at the start), that names `host`; empty when none does.
std::string SiteNameInTitle(std::string_view title, std::string_view host);

// `title` without a leading or trailing part that is `site_name` or names `host`;
// the title unchanged when removing it would leave nothing.
std::string TitleWithoutSiteName(std::string_view title, std::string_view site_name,
                                 std::string_view host);

// The host of an absolute URL, lower-cased ("www.example.com"); empty if none.
std::string HostOf(std::string_view url);

}  // namespace storyline

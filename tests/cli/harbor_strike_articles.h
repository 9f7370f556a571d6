// Two versions of one article (same id, edited text), shared by the command tests of
// versions and of `storyline article`.
#pragma once

namespace storyline::testing {

constexpr char kHarborStrike[] =
    R"({"id": "harbor-1", "source": "Coast Herald", "published": "2024-05-06", )"
    R"("title": "Dockworkers strike at Harbor City port", "text": "Dockworkers at the )"
    R"(Harbor City port began a strike on Monday. \"We will not go back without a contract,\" )"
    R"(said union leader Maria Lopez. The port authority said talks would resume."})";
constexpr char kHarborStrikeEdited[] =
    R"({"id": "harbor-1", "source": "Coast Herald", "published": "2024-05-06", )"
    R"("title": "Dockworkers strike at Harbor City port", "text": "Dockworkers at the )"
    R"(Harbor City port began a strike on Monday. \"We are ready to talk tonight,\" )"
    R"(said union leader Maria Lopez. The port authority said mediators would join."})";

}  // namespace storyline::testing

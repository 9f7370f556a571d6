// The article the serve tests ingest beside the seeds: it tries to run script in the page,
// so the API must give it back as data, unchanged, and the page must show it as text.
// tests/browser/serve.test.mjs reads it from this file too (the raw string's pieces).
#pragma once

namespace storyline::testing {

constexpr char kHostileArticle[] =
    R"({"id": "hostile", "source": "Test Wire", "published": "2024-05-02", "title": )"
    R"("Mayor <script>alert(1)</script> speaks", "text": "Mayor Jane Doe said on Tuesday )"
    R"(that the <img src=x onerror=alert(2)> council would vote. \"We will vote <b>now</b>,\" )"
    R"(Doe said."})";

}  // namespace storyline::testing

#include "serve/web_server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "serve/api.h"
#include "serve/encoded_body.h"
#include "serve/web_assets.h"

namespace storyline {
namespace {

constexpr size_t kMaxBodyBytes = 16 * 1024;
constexpr time_t kReadTimeoutSeconds = 5;
constexpr time_t kWriteTimeoutSeconds = 10;

constexpr std::string_view kSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

std::string ErrorBody(int status, std::string_view message) {
  return nlohmann::json{{"error", {{"status", status}, {"message", message}}}}.dump();
}

std::string_view StatusMessage(int status) {
  switch (status) {
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 413:
      return "request too large";
    case 414:
      return "request line too long";
    case 431:
      return "request headers too large";
    default:
      return status >= 500 ? "internal error" : "bad request";
  }
}

void SetSafetyHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy", std::string(kSecurityPolicy));
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
}

// Sends `body`, its gzip form to a client that takes gzip, with that form's ETag, or a
// bodiless 304 when the client holds it. The bytes go out of the shared body as they are:
// httplib neither copies nor compresses again an answer given as a content provider of
// known length.
void Send(const httplib::Request& req, httplib::Response& res, int status,
          std::shared_ptr<const EncodedBody> body, std::string_view content_type) {
  SetSafetyHeaders(res);
  res.status = status;
  res.set_header("Vary", "Accept-Encoding");
  const bool gzip = !body->gzip.empty() && AcceptsGzip(req.get_header_value("Accept-Encoding"));
  if (status == 200) {
    const std::string& etag = gzip ? body->gzip_etag : body->etag;
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      return;
    }
  } else {
    res.set_header("Cache-Control", "no-store");
  }
  if (gzip) res.set_header("Content-Encoding", "gzip");
  const std::string& bytes = gzip ? body->gzip : body->content;
  res.set_content_provider(
      bytes.size(), std::string(content_type),
      [body = std::move(body), &bytes](size_t offset, size_t length, httplib::DataSink& sink) {
        return sink.write(bytes.data() + offset, length);
      });
}

// "/api/v1/stories" and the contract's "/api/stories" both give "stories"; nullopt for a
// path outside the API.
std::optional<std::string> ApiPath(const std::string& path) {
  for (const std::string_view prefix : {"/api/v1/", "/api/"}) {
    if (path.starts_with(prefix)) return path.substr(prefix.size());
  }
  if (path == "/api" || path == "/api/v1") return "";
  return std::nullopt;
}

}  // namespace

int DefaultServeThreads() {
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(4 * cores, 16, 64);
}

WebServer::WebServer(const ServeOptions& options)
    : api_(std::make_unique<Api>(options.db)), server_(std::make_unique<httplib::Server>()) {
  httplib::Server& server = *server_;
  const int threads = std::max(1, options.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_read_timeout(kReadTimeoutSeconds, 0);
  server.set_write_timeout(kWriteTimeoutSeconds, 0);
  server.set_keep_alive_timeout(std::max(1, options.keep_alive_seconds));
  server.set_keep_alive_max_count(std::max(1, options.keep_alive_requests));
  // Answers are written in pieces (headers, then body): without this, Nagle's algorithm
  // and delayed ACKs hold each answer back some 40 ms.
  server.set_tcp_nodelay(true);

  server.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    if (const std::optional<std::string> path = ApiPath(req.path)) {
      if (*path == "openapi.json" || *path == "v1/openapi.json") {
        const WebAsset* spec = FindWebAsset("/openapi.json");
        return Send(req, res, 200, AssetBody(*spec), spec->content_type);
      }
      ApiParams params(req.params.begin(), req.params.end());
      ApiResponse answer = api_->Handle(*path, params);
      return Send(req, res, answer.status, std::move(answer.body), "application/json");
    }
    if (const WebAsset* asset = FindWebAsset(req.path)) {
      return Send(req, res, 200, AssetBody(*asset), asset->content_type);
    }
    Send(req, res, 404, EncodedBody::Make(ErrorBody(404, "not found")), "application/json");
  });
  // Read-only: every other method is refused, with the methods allowed.
  const auto refuse = [](const httplib::Request&, httplib::Response& res) {
    SetSafetyHeaders(res);
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content(ErrorBody(405, "read-only: only GET and HEAD"), "application/json");
  };
  server.Post(R"(/.*)", refuse);
  server.Put(R"(/.*)", refuse);
  server.Patch(R"(/.*)", refuse);
  server.Delete(R"(/.*)", refuse);
  server.Options(R"(/.*)", refuse);
  // What httplib itself refuses (a request line or header too long, a body too large, an
  // unknown method) gets a JSON body too; answers that have one keep it.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        SetSafetyHeaders(res);
        res.set_content(ErrorBody(res.status, StatusMessage(res.status)), "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SetSafetyHeaders(res);
        res.status = 500;
        res.set_content(ErrorBody(500, "internal error"), "application/json");
      });

  if (options.port == 0) {
    port_ = server.bind_to_any_port(options.bind);
  } else if (server.bind_to_port(options.bind, options.port)) {
    port_ = options.port;
  } else {
    port_ = -1;
  }
  if (port_ <= 0) {
    throw std::runtime_error(fmt::format("cannot listen on {}:{}", options.bind, options.port));
  }
}

WebServer::~WebServer() { Stop(); }

std::shared_ptr<const EncodedBody> WebServer::AssetBody(const WebAsset& asset) {
  std::lock_guard lock(asset_bodies_mutex_);
  std::shared_ptr<const EncodedBody>& body = asset_bodies_[asset.path];
  if (!body) body = EncodedBody::Make(std::string(asset.content));
  return body;
}

bool WebServer::Run() { return server_->listen_after_bind(); }

void WebServer::Stop() {
  if (server_) server_->stop();
}

}  // namespace storyline

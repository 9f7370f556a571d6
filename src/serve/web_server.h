// `storyline serve`: the web page and the JSON API (serve/api.h) over one read-only
// store, on cpp-httplib.
//
// Safety: loopback unless told otherwise; GET and HEAD only; the request line, headers
// and body are bounded, and so is the time a client may take to send them; only the
// embedded assets and the API answer, every other path a 404; every error has a JSON
// body; every answer carries a Content-Security-Policy that allows no inline script and
// no other origin. Answers carry an ETag (a hash of the body) and are revalidated each
// time (Cache-Control: no-cache), so a page that polls costs a 304. Bodies are encoded
// once (serve/encoded_body.h) and sent as gzip to a client that takes it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace httplib {
class Server;
}

namespace storyline {

class Api;
struct EncodedBody;
struct WebAsset;

// cpp-httplib gives each connection a worker thread for as long as it is kept alive, so a
// connection that stays open keeps a worker from the connections queued behind it. Both
// bounds below hand the worker on: a page polls every 5 s, longer than a connection may
// sit idle, and a client that keeps asking joins the queue again every few requests.
inline constexpr int kServeKeepAliveSeconds = 2;
inline constexpr int kServeKeepAliveRequests = 8;

// Workers mostly wait (on a kept-alive connection, on SQLite), so there are four per
// core, 16 to 64: a browser opens up to six connections to a host, so 16 serve two open
// pages with room to spare.
int DefaultServeThreads();

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (see WebServer::port)
  int threads = DefaultServeThreads();
  int keep_alive_seconds = kServeKeepAliveSeconds;
  int keep_alive_requests = kServeKeepAliveRequests;
};

class WebServer {
 public:
  // Opens the store (StoreError when it cannot) and binds the port (std::runtime_error
  // when it cannot).
  explicit WebServer(const ServeOptions& options);
  ~WebServer();

  int port() const { return port_; }

  // Answers requests until Stop; returns false when the server failed.
  bool Run();
  void Stop();

 private:
  // The page's files as sent, each encoded at its first request.
  std::shared_ptr<const EncodedBody> AssetBody(const WebAsset& asset);

  std::unique_ptr<Api> api_;
  std::mutex asset_bodies_mutex_;
  std::map<std::string_view, std::shared_ptr<const EncodedBody>> asset_bodies_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
};

}  // namespace storyline

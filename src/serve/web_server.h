// `storyline serve`: the web page and the JSON API (serve/api.h) over one read-only
// store, on cpp-httplib.
//
// Safety: loopback unless told otherwise; GET and HEAD only; the request line, headers
// and body are bounded, and so is the time a client may take to send them; only the
// embedded assets and the API answer, every other path a 404; every error has a JSON
// body; every answer carries a Content-Security-Policy that allows no inline script and
// no other origin. Answers carry an ETag (a hash of the body) and are revalidated each
// time (Cache-Control: no-cache), so a page that polls costs a 304.
#pragma once

#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace storyline {

class Api;

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (see WebServer::port)
  int threads = 8;
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
  std::unique_ptr<Api> api_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
};

}  // namespace storyline

package cn.dangjian.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** nginx as a plain reverse proxy with keep-alive to the upstream, its own prefix and config. */
final class NginxProxy implements AutoCloseable {
  private final Process process;
  private final int port;

  private NginxProxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static NginxProxy start(Path nginx, Path out, String upstream) throws Exception {
    Path prefix = out.resolve("nginx").toAbsolutePath();
    Files.createDirectories(prefix.resolve("logs"));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String config =
        """
        worker_processes auto;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 1024; }
        http {
          access_log off;
          upstream member { server %2$s; keepalive 32; }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://member;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            }
          }
        }
        """
            .formatted(prefix, upstream.replace("http://", ""), port);
    Path conf = prefix.resolve("nginx.conf");
    Files.writeString(conf, config, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(
                nginx.toString(),
                "-p",
                prefix.toString(),
                "-c",
                conf.toString(),
                "-g",
                "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
            .start();
    NginxProxy started = new NginxProxy(process, port);
    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "bench-stop-nginx"));
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 50; i++) {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create(started.baseUrl() + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.discarding());
        return started;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    started.close();
    throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

package cn.dangjian.devstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot fat jar in {@link ServiceLauncherIT}: prints its arguments and
 * answers {@code /actuator/health/readiness} with UP on {@code --server.port}; {@code --fail=true}
 * makes it exit at once with code 3.
 */
public final class FakeService {

  private FakeService() {}

  public static void main(String[] args) throws IOException {
    int port = 0;
    for (String arg : args) {
      System.out.println("arg " + arg);
      if (arg.startsWith("--server.port=")) {
        port = Integer.parseInt(arg.substring("--server.port=".length()));
      }
      if (arg.equals("--fail=true")) {
        System.out.println("boom: failing on purpose");
        System.exit(3);
      }
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/actuator/health/readiness",
        exchange -> {
          byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("fake service ready on port " + port);
  }
}

package cn.dangjian.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers: "is this port free?", a clear "port already in use" failure, and free ports. */
public final class PortCheck {

  private PortCheck() {}

  /**
   * Thrown when a component's port is already taken. The message says which port and how to change
   * it.
   */
  public static final class PortInUseException extends IllegalStateException {
    private final int port;

    PortInUseException(int port, String message) {
      super(message);
      this.port = port;
    }

    public int port() {
      return port;
    }
  }

  /**
   * True if nothing listens on {@code port} (neither on 127.0.0.1 nor on the wildcard address) and
   * we could bind it ourselves.
   */
  public static boolean isFree(int port) {
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
    if (somethingAnswers(port)) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      // like the servers we start: connections of a just-stopped process in TIME_WAIT do not count
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress((InetAddress) null, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean somethingAnswers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Fails with a {@link PortInUseException} if {@code port} is taken.
   *
   * @param component what wants the port, e.g. "Keycloak"
   * @param howToChange e.g. "set DANGJIAN_KEYCLOAK_PORT or -Ddangjian.keycloak.port"
   */
  public static void requireFree(int port, String component, String howToChange) {
    if (!isFree(port)) {
      throw new PortInUseException(port, inUseMessage(port, component, howToChange));
    }
  }

  static String inUseMessage(int port, String component, String howToChange) {
    return "Port "
        + port
        + " needed by "
        + component
        + " is already in use. Is devstack already running (stop it with Ctrl-C in its"
        + " terminal), or does another program use port "
        + port
        + "? To use another port, "
        + howToChange
        + ".";
  }

  /** An ephemeral port that was free a moment ago (there is a small race; fine for tests). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("Could not find a free TCP port", e);
    }
  }
}

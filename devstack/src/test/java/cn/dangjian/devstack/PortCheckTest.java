package cn.dangjian.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void aPortSomebodyListensOnIsNotFreeAndTheMessageNamesPortAndOverride() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      assertThat(PortCheck.isFree(port)).isFalse();
      assertThatThrownBy(
              () -> PortCheck.requireFree(port, "Keycloak", Settings.howToSet("keycloak.port")))
          .isInstanceOf(PortCheck.PortInUseException.class)
          .hasMessageContaining("Port " + port)
          .hasMessageContaining("Keycloak")
          .hasMessageContaining("already in use")
          .hasMessageContaining("DANGJIAN_KEYCLOAK_PORT")
          .hasMessageContaining("-Ddangjian.keycloak.port")
          .satisfies(e -> assertThat(((PortCheck.PortInUseException) e).port()).isEqualTo(port));
    }
  }

  @Test
  void aClosedPortIsFreeAgain() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = socket.getLocalPort();
    }
    assertThat(PortCheck.isFree(port)).isTrue();
    assertThatCode(() -> PortCheck.requireFree(port, "Kafka", "set DANGJIAN_KAFKA_PORT"))
        .doesNotThrowAnyException();
  }

  @Test
  void freePortReturnsDistinctUsablePorts() {
    int a = PortCheck.freePort();
    int b = PortCheck.freePort();
    assertThat(a).isBetween(1024, 65535);
    assertThat(PortCheck.isFree(a)).isTrue();
    assertThat(b).isPositive();
  }

  @Test
  void rejectsSomethingThatIsNotAPort() {
    assertThatThrownBy(() -> PortCheck.isFree(70000)).isInstanceOf(IllegalArgumentException.class);
  }
}

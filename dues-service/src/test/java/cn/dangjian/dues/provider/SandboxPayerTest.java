package cn.dangjian.dues.provider;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.dues.provider.PaymentProvider.Payer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SandboxPayerTest {

  private final UUID member = UUID.randomUUID();

  @Test
  void onlyTheMemberWhoseBillsItSettlesPaysAMembersOrder() {
    Payer order = new Payer(member, "sub-member");
    assertThat(SandboxPaymentProvider.isPayer(order, new Payer(member, "sub-member"))).isTrue();
    assertThat(SandboxPaymentProvider.isPayer(order, new Payer(UUID.randomUUID(), "sub-member")))
        .isFalse();
    // an officer's token without the member claim is not the payer, whatever its subject
    assertThat(SandboxPaymentProvider.isPayer(order, new Payer(null, "sub-member"))).isFalse();
    assertThat(SandboxPaymentProvider.isPayer(order, null)).isFalse();
  }

  @Test
  void anOrderStartedByAnOfficerIsPaidByThatOfficerOnly() {
    Payer order = new Payer(null, "sub-officer");
    assertThat(SandboxPaymentProvider.isPayer(order, new Payer(null, "sub-officer"))).isTrue();
    assertThat(SandboxPaymentProvider.isPayer(order, new Payer(member, "sub-other"))).isFalse();
    assertThat(SandboxPaymentProvider.isPayer(new Payer(null, null), new Payer(null, null)))
        .isFalse();
  }
}

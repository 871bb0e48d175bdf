package cn.dangjian.dues.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * dues-service settings under {@code dangjian.dues.*}. Every number of the regulation is a default
 * a province may override (DOMAIN.md: "every number here is a configurable default").
 *
 * @param rates the rate table
 * @param payments what one payment may cover, and how long an online order lives
 * @param sandbox the sandbox payment provider a developer runs locally
 * @param generation monthly bill generation
 * @param callbacks provider callbacks
 * @param exports report and list exports
 */
@ConfigurationProperties("dangjian.dues")
public record DuesProperties(
    @DefaultValue Rates rates,
    @DefaultValue Payments payments,
    @DefaultValue Sandbox sandbox,
    @DefaultValue Generation generation,
    @DefaultValue Callbacks callbacks,
    @DefaultValue Exports exports) {

  /**
   * The rate table; empty lists mean the national defaults.
   *
   * @param salary brackets for employees, annual-salary staff and those without monthly pay
   * @param retiree brackets for retirees (on the pension actually received)
   * @param fixedFen the fixed monthly amount for students, the unemployed and 低保 recipients
   * @param farmerMinFen lowest fixed amount a farmer member may be assessed
   * @param farmerMaxFen highest fixed amount a farmer member may be assessed
   * @param farmerDefaultFen a farmer's amount when the branch has not set one
   */
  public record Rates(
      List<Bracket> salary,
      List<Bracket> retiree,
      @DefaultValue("20") long fixedFen,
      @DefaultValue("20") long farmerMinFen,
      @DefaultValue("100") long farmerMaxFen,
      @DefaultValue("20") long farmerDefaultFen) {

    public Rates {
      salary = salary == null ? List.of() : List.copyOf(salary);
      retiree = retiree == null ? List.of() : List.copyOf(retiree);
    }
  }

  /**
   * One configured bracket: bases up to {@code upToFen} (absent: open-ended) pay percent.
   *
   * @param upToFen highest base of the bracket (inclusive); absent: open-ended
   * @param percent percentage of the whole base paid
   */
  public record Bracket(Long upToFen, BigDecimal percent) {}

  /**
   * @param backMonths 补交: how many months back one payment may reach (DF Art 12: 6)
   * @param prepayMonths 预交: how many months ahead (not national; local rules allow 6–12)
   * @param centreThresholdFen a one-off voluntary extra of at least this goes to the Centre (DF Art
   *     11: 1000 元)
   * @param orderTtl an online order not confirmed within this time expires and frees its bills
   */
  public record Payments(
      @DefaultValue("6") int backMonths,
      @DefaultValue("6") int prepayMonths,
      @DefaultValue("100000") long centreThresholdFen,
      @DefaultValue("30m") Duration orderTtl) {}

  /**
   * The sandbox payment provider a developer runs locally.
   *
   * @param enabled whether the sandbox provider is offered at all, with {@code
   *     /api/dues/sandbox/**} (completing orders by hand). Off unless a developer environment turns
   *     it on: it takes money for nothing.
   * @param signingKey HMAC-SHA256 key the sandbox signs callbacks with and the service verifies
   *     them with
   * @param payUrlBase where the pay page of an order is (shown to the payer)
   */
  public record Sandbox(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("") String signingKey,
      @DefaultValue("/api/dues/sandbox/orders/") String payUrlBase) {}

  /**
   * @param chunkSize members per INSERT … SELECT chunk (one transaction each)
   */
  public record Generation(@DefaultValue("50000") int chunkSize) {}

  /**
   * Provider callbacks: how fresh a signed callback must be (its nonce is kept that long).
   *
   * @param maxSkew a callback whose timestamp is further than this from now (either way) is refused
   * @param noncePurgeInterval how often nonces older than the window are removed
   */
  public record Callbacks(
      @DefaultValue("5m") Duration maxSkew, @DefaultValue("5m") Duration noncePurgeInterval) {}

  /**
   * Report and list exports (CSV/XLSX).
   *
   * @param maxRows a direct export with more rows than this is refused: the caller narrows the
   *     filter or exports as a job
   */
  public record Exports(@DefaultValue("10000") int maxRows) {}
}

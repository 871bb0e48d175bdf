package cn.dangjian.dues.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * dues-service settings under {@code dangjian.dues.*}. Every number of the regulation is a default
 * a province may override (DOMAIN.md: "every number here is a configurable default").
 */
@ConfigurationProperties("dangjian.dues")
public class DuesProperties {

  private final Rates rates = new Rates();
  private final Payments payments = new Payments();
  private final Sandbox sandbox = new Sandbox();
  private final Generation generation = new Generation();
  private final Callbacks callbacks = new Callbacks();
  private final Exports exports = new Exports();

  public Rates getRates() {
    return rates;
  }

  public Payments getPayments() {
    return payments;
  }

  public Sandbox getSandbox() {
    return sandbox;
  }

  public Generation getGeneration() {
    return generation;
  }

  public Callbacks getCallbacks() {
    return callbacks;
  }

  public Exports getExports() {
    return exports;
  }

  /** The rate table; empty lists mean the national defaults. */
  public static class Rates {
    private List<Bracket> salary = new ArrayList<>();
    private List<Bracket> retiree = new ArrayList<>();
    private long fixedFen = 20;
    private long farmerMinFen = 20;
    private long farmerMaxFen = 100;
    private long farmerDefaultFen = 20;

    public List<Bracket> getSalary() {
      return salary;
    }

    public void setSalary(List<Bracket> salary) {
      this.salary = salary;
    }

    public List<Bracket> getRetiree() {
      return retiree;
    }

    public void setRetiree(List<Bracket> retiree) {
      this.retiree = retiree;
    }

    public long getFixedFen() {
      return fixedFen;
    }

    public void setFixedFen(long fixedFen) {
      this.fixedFen = fixedFen;
    }

    public long getFarmerMinFen() {
      return farmerMinFen;
    }

    public void setFarmerMinFen(long farmerMinFen) {
      this.farmerMinFen = farmerMinFen;
    }

    public long getFarmerMaxFen() {
      return farmerMaxFen;
    }

    public void setFarmerMaxFen(long farmerMaxFen) {
      this.farmerMaxFen = farmerMaxFen;
    }

    public long getFarmerDefaultFen() {
      return farmerDefaultFen;
    }

    public void setFarmerDefaultFen(long farmerDefaultFen) {
      this.farmerDefaultFen = farmerDefaultFen;
    }
  }

  /** One configured bracket: bases up to {@code upToFen} (absent: open-ended) pay percent. */
  public static class Bracket {
    private Long upToFen;
    private BigDecimal percent;

    public Long getUpToFen() {
      return upToFen;
    }

    public void setUpToFen(Long upToFen) {
      this.upToFen = upToFen;
    }

    public BigDecimal getPercent() {
      return percent;
    }

    public void setPercent(BigDecimal percent) {
      this.percent = percent;
    }
  }

  public static class Payments {
    /** 补交: how many months back one payment may reach (DF Art 12: 6). */
    private int backMonths = 6;

    /** 预交: how many months ahead (not national; local rules allow 6–12). */
    private int prepayMonths = 6;

    /** A one-off voluntary extra of at least this goes to the Centre (DF Art 11: 1000 元). */
    private long centreThresholdFen = 100_000;

    /** An online order not confirmed within this time expires and frees its bills. */
    private Duration orderTtl = Duration.ofMinutes(30);

    public int getBackMonths() {
      return backMonths;
    }

    public void setBackMonths(int backMonths) {
      this.backMonths = backMonths;
    }

    public int getPrepayMonths() {
      return prepayMonths;
    }

    public void setPrepayMonths(int prepayMonths) {
      this.prepayMonths = prepayMonths;
    }

    public long getCentreThresholdFen() {
      return centreThresholdFen;
    }

    public void setCentreThresholdFen(long centreThresholdFen) {
      this.centreThresholdFen = centreThresholdFen;
    }

    public Duration getOrderTtl() {
      return orderTtl;
    }

    public void setOrderTtl(Duration orderTtl) {
      this.orderTtl = orderTtl;
    }
  }

  /** The sandbox payment provider a developer runs locally. */
  public static class Sandbox {
    /**
     * Whether the sandbox provider is offered at all, with {@code /api/dues/sandbox/**} (completing
     * orders by hand). Off unless a developer environment turns it on: it takes money for nothing.
     */
    private boolean enabled = false;

    /** HMAC-SHA256 key the sandbox signs callbacks with and the service verifies them with. */
    private String signingKey = "";

    /** Where the pay page of an order is (shown to the payer). */
    private String payUrlBase = "/api/dues/sandbox/orders/";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getSigningKey() {
      return signingKey;
    }

    public void setSigningKey(String signingKey) {
      this.signingKey = signingKey;
    }

    public String getPayUrlBase() {
      return payUrlBase;
    }

    public void setPayUrlBase(String payUrlBase) {
      this.payUrlBase = payUrlBase;
    }
  }

  public static class Generation {
    /** Members per INSERT … SELECT chunk (one transaction each). */
    private int chunkSize = 50_000;

    public int getChunkSize() {
      return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
      this.chunkSize = chunkSize;
    }
  }

  /** Provider callbacks: how fresh a signed callback must be (its nonce is kept that long). */
  public static class Callbacks {
    /** A callback whose timestamp is further than this from now (either way) is refused. */
    private Duration maxSkew = Duration.ofMinutes(5);

    /** How often nonces older than the window are removed. */
    private Duration noncePurgeInterval = Duration.ofMinutes(5);

    public Duration getMaxSkew() {
      return maxSkew;
    }

    public void setMaxSkew(Duration maxSkew) {
      this.maxSkew = maxSkew;
    }

    public Duration getNoncePurgeInterval() {
      return noncePurgeInterval;
    }

    public void setNoncePurgeInterval(Duration noncePurgeInterval) {
      this.noncePurgeInterval = noncePurgeInterval;
    }
  }

  /** Report and list exports (CSV/XLSX). */
  public static class Exports {
    /** An export with more rows than this is refused: the caller narrows the filter. */
    private int maxRows = 50_000;

    public int getMaxRows() {
      return maxRows;
    }

    public void setMaxRows(int maxRows) {
      this.maxRows = maxRows;
    }
  }
}

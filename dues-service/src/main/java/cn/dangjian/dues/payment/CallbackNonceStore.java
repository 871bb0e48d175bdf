package cn.dangjian.dues.payment;

import cn.dangjian.dues.support.Times;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The used callback nonces ({@code dues_callback_nonce}), each kept until it expires. */
@Repository
class CallbackNonceStore {

  private final JdbcTemplate jdbc;

  CallbackNonceStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the nonce; false if it is there already (the primary key decides). */
  public boolean insert(String provider, String nonce, Instant expiresAt) {
    try {
      jdbc.update(
          "INSERT INTO dues_callback_nonce (provider, nonce, expires_at) VALUES (?,?,?)",
          provider,
          nonce,
          Times.utc(expiresAt));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  public int deleteExpired(Instant now) {
    return jdbc.update("DELETE FROM dues_callback_nonce WHERE expires_at < ?", Times.utc(now));
  }
}

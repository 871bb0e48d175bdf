package cn.dangjian.alert.handling;

/**
 * Who hears of an alert's changes, inside the transaction that made them. Declared here and
 * implemented by the push module, so the alert lifecycle does not depend on how alerts are pushed.
 */
public interface AlertNotifications {

  void raised(Alert alert);

  void changed(Alert alert, String change);

  void resolved(Alert alert);
}

-- Webhook secrets are stored AES-GCM encrypted ("v1:" + base64 of iv, ciphertext and tag): a
-- 200-character secret takes about 310 characters. Plain secrets left from before are encrypted
-- by the service at start-up.
ALTER TABLE webhook_subscription MODIFY secret VARCHAR(400) NOT NULL;

-- Delivery errors used to carry the exception text (host, address, port): keep only the kind.
UPDATE webhook_delivery SET last_error = '投递失败：网络错误'
 WHERE last_error IS NOT NULL AND last_error NOT LIKE '投递失败%' AND last_error NOT LIKE 'HTTP %';
UPDATE webhook_delivery SET last_error = CONCAT('投递失败：', last_error) WHERE last_error LIKE 'HTTP %';

-- Contact addresses the notification channels send to (issue 24). Like the phone, AES-GCM
-- ciphertext bound to member id + column; read in clear only through the audited contacts endpoint.
ALTER TABLE member
  ADD COLUMN email_cipher         VARCHAR(600) NULL,
  ADD COLUMN wechat_openid_cipher VARCHAR(300) NULL;

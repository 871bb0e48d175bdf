-- Attachments are listed per meeting in upload order.
CREATE INDEX idx_attachment_meeting_time ON attachment (meeting_id, uploaded_at);

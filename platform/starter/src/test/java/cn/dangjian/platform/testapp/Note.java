package cn.dangjian.platform.testapp;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.UUID;

@Entity
public class Note {
  @Id private UUID id;
  private String title;
  private int pages;
  @Version private long version;

  protected Note() {}

  Note(String title, int pages) {
    this.id = UuidV7.next();
    this.title = title;
    this.pages = pages;
  }

  public UUID getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public int getPages() {
    return pages;
  }

  public long getVersion() {
    return version;
  }

  void rename(String title) {
    this.title = title;
  }
}

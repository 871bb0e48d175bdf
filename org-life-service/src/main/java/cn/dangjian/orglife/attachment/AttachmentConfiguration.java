package cn.dangjian.orglife.attachment;

import cn.dangjian.orglife.OrgLifeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

  /**
   * The filesystem store unless another {@link AttachmentStorage} (e.g. object storage) is given.
   */
  @Bean
  @ConditionalOnMissingBean(AttachmentStorage.class)
  AttachmentStorage attachmentStorage(OrgLifeProperties properties) {
    return new FilesystemAttachmentStorage(properties.attachments().directory());
  }
}

package cn.dangjian.testsupport.architecture.sample.clean.billing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** Clean: a *Request record may be documented. */
@Schema(description = "bill an order")
public record BillingRequest(UUID orderId) {}

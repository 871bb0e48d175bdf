package cn.dangjian.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactor Netty answers requests it cannot decode (a request line over 4 KB → 414, headers over 8
 * KB → 431, a garbled request line → 400) itself, with an empty body, before Spring sees them. This
 * handler sits next to the HTTP codec and gives those answers the same problem+json body as every
 * other error, in Chinese (the request's Accept-Language is not available: it failed to decode).
 */
@Component
class DecodeFailureProblems implements NettyServerCustomizer {

  static final String HANDLER_NAME = "dangjian.decodeFailureProblems";

  private final ProblemBodies bodies;

  DecodeFailureProblems(MessageSource messages, JsonMapper json) {
    this.bodies = new ProblemBodies(messages, json);
  }

  @Override
  public HttpServer apply(HttpServer server) {
    ChannelHandler handler = new EmptyErrorRewriter(bodies);
    return server.doOnChannelInit(
        (observer, channel, remoteAddress) -> {
          ChannelPipeline pipeline = channel.pipeline();
          if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
            pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, handler);
          }
        });
  }

  /** The problem bodies for the statuses Netty answers by itself, built once. */
  static final class ProblemBodies {
    private final Map<Integer, byte[]> byStatus = new LinkedHashMap<>();

    ProblemBodies(MessageSource messages, JsonMapper json) {
      add(messages, json, 400, "bad-request", "malformed-request");
      add(messages, json, 414, "uri-too-long", "uri-too-long");
      add(messages, json, 431, "headers-too-large", "headers-too-large");
    }

    private void add(MessageSource messages, JsonMapper json, int status, String slug, String key) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "https://dangjian.cn/problems/" + slug);
      body.put("title", messages.getMessage("problem." + key + ".title", null, Locale.CHINA));
      body.put("status", status);
      body.put("detail", messages.getMessage("problem." + key + ".detail", null, Locale.CHINA));
      byStatus.put(status, json.writeValueAsBytes(body));
    }

    byte[] forStatus(int status) {
      return byStatus.get(status);
    }
  }

  @ChannelHandler.Sharable
  static final class EmptyErrorRewriter extends ChannelOutboundHandlerAdapter {
    private final ProblemBodies bodies;

    EmptyErrorRewriter(ProblemBodies bodies) {
      this.bodies = bodies;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
        throws Exception {
      if (msg instanceof FullHttpResponse response && !response.content().isReadable()) {
        byte[] body = bodies.forStatus(response.status().code());
        if (body != null) {
          FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
          problem
              .headers()
              .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json;charset=UTF-8")
              .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
          response.release();
          super.write(ctx, problem, promise);
          return;
        }
      }
      super.write(ctx, msg, promise);
    }
  }
}

package dev.greenlight.samples.shop.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Stamps every response with the slot, release and instance that served it. */
public final class SlotHeadersFilter implements Filter {
  public static final String SLOT = "X-Slot";
  public static final String RELEASE = "X-Release";
  public static final String INSTANCE = "X-Instance";

  private final String slot;
  private final String release;
  private final String instance;

  public SlotHeadersFilter(String slot, String release, String instance) {
    this.slot = slot;
    this.release = release;
    this.instance = instance;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse http = (HttpServletResponse) response;
    http.setHeader(SLOT, slot);
    http.setHeader(RELEASE, release);
    http.setHeader(INSTANCE, instance);
    chain.doFilter(request, response);
  }
}

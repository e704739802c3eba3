package dev.greenlight.agent.testapps;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat 11 (jakarta) with in-memory sessions, or Spring Session JDBC when {@code
 * -Dapp.springJdbc=<url>} is given. Prints {@code READY <port>} when it serves.
 */
public final class TomcatApp {
  static final long START = System.nanoTime();

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getProperty("app.port", "0"));
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("gl-tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setPort(port);
    tomcat.getConnector();
    Context ctx = tomcat.addContext("", base.getAbsolutePath());
    String jdbc = System.getProperty("app.jdbc");
    Tomcat.addServlet(ctx, "app", new AppServlet(ctx, jdbc));
    ctx.addServletMapping("/*", "app");
    addFilter(ctx, "wrapper", new ContextlessWrapperFilter(), "/wrapped");
    if (System.getProperty("app.springJdbc") != null) {
      addFilter(ctx, "springSession", SpringSessionSetup.filter(jdbc), "/*");
    }
    tomcat.start();
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    System.out.flush();
    tomcat.getServer().await();
  }

  private static void addFilter(Context ctx, String name, Filter filter, String pattern) {
    FilterDef def = new FilterDef();
    def.setFilterName(name);
    def.setFilter(filter);
    ctx.addFilterDef(def);
    FilterMap map = new FilterMap();
    map.setFilterName(name);
    map.addURLPattern(pattern);
    ctx.addFilterMap(map);
  }

  /** A request wrapper that has no ServletContext, like some frameworks' test doubles. */
  static final class ContextlessWrapperFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(
          new HttpServletRequestWrapper((HttpServletRequest) req) {
            @Override
            public ServletContext getServletContext() {
              throw new IllegalStateException("this wrapper has no servlet context");
            }
          },
          res);
    }
  }

  /** Not serializable: a session holding it cannot move to another JVM. */
  static final class Connectionish {
    final Thread owner = Thread.currentThread();
  }

  static final class AppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Context ctx;
    private final String jdbc;

    AppServlet(Context ctx, String jdbc) {
      this.ctx = ctx;
      this.jdbc = jdbc;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
      String path = req.getRequestURI();
      String body;
      switch (path) {
        case "/login":
          HttpSession session = req.getSession(true);
          session.setAttribute("user", req.getParameter("user"));
          List<String> cart = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            cart.add("item-" + i + "-" + "x".repeat(40));
          }
          session.setAttribute("cart", cart);
          if (req.getParameter("bad") != null) {
            session.setAttribute("connection", new Connectionish());
          }
          body = "logged in " + session.getId();
          break;
        case "/bulk":
          body = "created " + bulk(Integer.parseInt(req.getParameter("n")));
          break;
        case "/warm":
          body = warm();
          break;
        case "/sql":
          body = sql();
          break;
        case "/uptime":
          body = String.valueOf((System.nanoTime() - START) / 1e9);
          break;
        case "/fail":
          throw new IllegalStateException("the application failed on purpose");
        default:
          body = "hello";
      }
      res.setContentType("text/plain");
      res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private int bulk(int n) {
      Manager manager = ctx.getManager();
      for (int i = 0; i < n; i++) {
        Session s = manager.createSession(null);
        s.getSession().setAttribute("user", "bulk-" + i);
        s.getSession().setAttribute("visits", i);
      }
      return n;
    }

    /**
     * Like a JIT warming up: 40 ms getting steadily faster until app.convergeAt seconds after
     * start, then a flat 4 ms.
     */
    private String warm() {
      double convergeAt = Double.parseDouble(System.getProperty("app.convergeAt", "0"));
      double since = (System.nanoTime() - START) / 1e9;
      long millis = since < convergeAt ? Math.round(4 + 36 * (1 - since / convergeAt)) : 4;
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "slept " + millis;
    }

    private String sql() throws IOException {
      Properties p = new Properties();
      p.setProperty("user", System.getProperty("app.jdbcUser", "postgres"));
      try (Connection c = DriverManager.getConnection(jdbc, p)) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, note text)");
          s.executeUpdate("DELETE FROM orders WHERE note = 'it''s ?'");
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO orders (id, note) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
          ps.setLong(1, 1);
          ps.setString(2, "first");
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM orders WHERE id = ? AND '{\"a\":1}'::jsonb ?? 'a' /* ? */ -- ?\n")) {
          ps.setLong(1, 1);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? "found " + rs.getLong(1) : "none";
          }
        }
      } catch (java.sql.SQLException e) {
        throw new IOException(e);
      }
    }
  }
}

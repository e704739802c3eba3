package dev.greenlight.agent.testapps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty 12 (ee10) with its default in-memory session cache. Prints {@code READY <port>}. */
public final class JettyApp {
  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SESSIONS);
    ctx.setContextPath("/");
    ctx.addServlet(new ServletHolder(new AppServlet()), "/*");
    server.setHandler(ctx);
    server.start();
    System.out.println("READY " + connector.getLocalPort());
    System.out.flush();
    server.join();
  }

  static final class AppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
      String body = "hello";
      if (req.getRequestURI().equals("/login")) {
        HttpSession session = req.getSession(true);
        session.setAttribute("user", req.getParameter("user"));
        session.setAttribute("roles", new java.util.ArrayList<>(java.util.List.of("buyer")));
        body = "logged in";
      }
      res.setContentType("text/plain");
      res.getWriter().write(body);
    }
  }
}

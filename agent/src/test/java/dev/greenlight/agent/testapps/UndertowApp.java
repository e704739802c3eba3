package dev.greenlight.agent.testapps;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Embedded Undertow (servlet container) with its default in-memory session manager. Prints {@code
 * READY <port>}.
 */
public final class UndertowApp {
  public static void main(String[] args) throws Exception {
    DeploymentInfo deployment =
        Servlets.deployment()
            .setClassLoader(UndertowApp.class.getClassLoader())
            .setContextPath("/")
            .setDeploymentName("app.war")
            .addServlets(
                Servlets.servlet(
                        "app",
                        AppServlet.class,
                        new ImmediateInstanceFactory<HttpServlet>(new AppServlet()))
                    .addMapping("/*"));
    DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
    manager.deploy();
    Undertow server =
        Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(manager.start()).build();
    server.start();
    InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    System.out.println("READY " + address.getPort());
    System.out.flush();
    new java.util.concurrent.CountDownLatch(1).await(); // serve until the test stops the JVM
  }

  static final class AppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
      String body = "hello";
      if (req.getRequestURI().equals("/login")) {
        HttpSession session = req.getSession(true);
        session.setAttribute("user", req.getParameter("user"));
        body = "logged in";
      }
      res.setContentType("text/plain");
      res.getWriter().write(body);
    }
  }
}

package org.dialerd.db.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A data source that records every statement executed through it, so a test can assert how many
 * round trips a request costs ("one query") instead of timing it. Statements are recorded when
 * they run ({@code execute*}), with the SQL they were prepared with.
 */
public final class CountingDataSource {
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final DataSource target;
    private final DataSource counting;
    private final List<String> executed = new ArrayList<>();

    public CountingDataSource(DataSource target) {
        this.target = target;
        this.counting = proxy(DataSource.class, this::dataSourceCall);
    }

    /** The data source to give the code under test. */
    public DataSource dataSource() {
        return counting;
    }

    /** The statements executed since the last {@link #reset()}, in order. */
    public synchronized List<String> executed() {
        return List.copyOf(executed);
    }

    public synchronized void reset() {
        executed.clear();
    }

    private synchronized void record(String sql) {
        executed.add(sql);
    }

    private Object dataSourceCall(Object proxy, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        return result instanceof Connection connection
                ? proxy(Connection.class, (p, m, a) -> connectionCall(connection, m, a)) : result;
    }

    private Object connectionCall(Connection connection, Method method, Object[] args) throws Throwable {
        Object result = invoke(connection, method, args);
        if (result instanceof Statement statement && method.getName().startsWith("prepare")) {
            String sql = (String) args[0];
            Class<?> type = method.getReturnType();
            return proxy(type, (p, m, a) -> statementCall(statement, sql, m, a));
        }
        if (result instanceof Statement statement) {
            return proxy(Statement.class, (p, m, a) -> statementCall(statement, null, m, a));
        }
        return result;
    }

    private Object statementCall(Statement statement, String preparedSql, Method method, Object[] args)
            throws Throwable {
        if (EXECUTE.contains(method.getName())) {
            record(preparedSql != null ? preparedSql : args != null && args.length > 0 ? (String) args[0] : "?");
        }
        return invoke(statement, method, args);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}

package cn.dcjk.common.data.version;

import cn.dcjk.common.problem.ProblemException;
import cn.dcjk.common.problem.ProblemMappers;
import cn.dcjk.common.problem.Problems;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;

/**
 * Races lost in the database become 409s: a stale optimistic version, a serialization failure
 * or a unique key taken by a concurrent writer. Anything else stays an unexpected error.
 */
public class PersistenceMappers {

    @Inject
    ProblemMappers problems;

    @ServerExceptionMapper({PersistenceException.class, RollbackException.class, StaleStateException.class,
            io.quarkus.narayana.jta.QuarkusTransactionException.class})
    public Response persistence(Exception e, HttpHeaders headers, UriInfo uri) {
        ProblemException conflict = conflict(e);
        if (conflict != null) {
            return problems.problem(conflict, headers, uri);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return problems.problem(p, headers, uri);
            }
        }
        return problems.unexpected(e, headers, uri);
    }

    static ProblemException conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Problems.conflict("concurrent-update", "该记录已被并发修改，请重新读取后再试",
                        "The record was changed concurrently; read it again and retry");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "40001", "40P01":
                        return Problems.conflict("concurrent-update", "并发操作冲突，请重试",
                                "A concurrent operation conflicted; retry");
                    case "23505":
                        return Problems.conflict("duplicate", "记录已存在", "The record already exists");
                    default:
                        break;
                }
            }
        }
        return null;
    }
}

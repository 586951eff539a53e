package vn.vanthu.jobs;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.Auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP for jobs: {@code GET /api/v1/jobs/{id}} → {@code {"state","done","total","errors":[{code,message}]}}, seen by
 * the job's creator and admins only (404 for anyone else).
 *
 * <pre>{@code curl -H "Authorization: Bearer $CLERK" $URL/api/v1/jobs/$JOB}</pre>
 */
public final class JobController {
    private final Jobs jobs;

    public JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    public void get(Context ctx) {
        Job j = jobs.find(ctx.pathParam("id"), Auth.user(ctx)).orElseThrow(() -> ApiException.notFound("Job"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", j.id());
        body.put("kind", j.kind());
        body.put("state", j.state().name());
        body.put("done", j.done());
        body.put("total", j.total());
        body.put("errors", j.errors());
        body.put("createdAt", j.createdAt());
        ctx.json(body);
    }
}

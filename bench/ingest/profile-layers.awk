# Summarises `jfr print --events jdk.ExecutionSample --stack-depth 200 FILE` (bench/ingest.sh):
#   self   each sample goes to the innermost frame that is not JDK code (java., jdk., sun.),
#          grouped by library; a sample with JDK frames only is "JDK only"
#   incl   share of samples whose stack contains a marker frame (a sample counts in several)
#   thread what the sampled threads were
function layer(frame) {
    if (frame ~ /^org\.postgresql\./) return "PostgreSQL JDBC driver"
    if (frame ~ /^com\.zaxxer\.hikari\./) return "Hikari pool"
    if (frame ~ /^(tools\.jackson|com\.fasterxml\.jackson)\./) return "Jackson (JSON)"
    if (frame ~ /^(ch\.qos\.logback|org\.slf4j)\./) return "logging"
    if (frame ~ /^io\.micrometer\./) return "Micrometer (metrics, observations)"
    if (frame ~ /^org\.springframework\.security\./) return "Spring Security"
    if (frame ~ /^org\.apache\.(catalina|coyote|tomcat)\./) return "Tomcat"
    if (frame ~ /^org\.springframework\.modulith\./) return "Spring Modulith events"
    if (frame ~ /^org\.springframework\.(jdbc|transaction|dao)\./) return "Spring JDBC and transactions"
    if (frame ~ /^org\.springframework\.(web|http)\./) return "Spring MVC"
    if (frame ~ /^org\.springframework\./) return "Spring (other)"
    if (frame ~ /^id\.pantau\./) return "Pantau code"
    if (frame ~ /^com\.github\.benmanes\.caffeine\./) return "Caffeine"
    if (frame ~ /^io\.github\.bucket4j\./) return "Bucket4j"
    if (frame ~ /^(org\.thymeleaf|org\.attoparser)\./) return "Thymeleaf"
    if (frame ~ /^(java|javax|jakarta|jdk|sun|com\.sun)\./) return ""
    split(frame, parts, ".")
    return parts[1] "." parts[2] " (other)"
}
BEGIN {
    nm = split("id.pantau.report.internal.ReportProcessing:background report processing (duplicates, events)|" \
        "org.springframework.modulith.events:Modulith event publication/delivery|" \
        "id.pantau.shared.Idempotency.create:Idempotency.create (the whole intake transaction)|" \
        "id.pantau.report.internal.ReportIntake.submit:ReportIntake.submit (checks and insert)|" \
        "id.pantau.report.internal.ReportRepository.insert:ReportRepository.insert|" \
        "org.springframework.security.web.FilterChainProxy.doFilter:Spring Security filter chain|" \
        "org.springframework.web.servlet.DispatcherServlet.doDispatch:DispatcherServlet (MVC incl. controller)|" \
        "org.apache.coyote.http11.Http11Processor.service:Tomcat HTTP processing (whole request)|" \
        "org.postgresql.:PostgreSQL JDBC driver (any frame)|" \
        "com.zaxxer.hikari.:Hikari pool (any frame)|" \
        "io.micrometer.:Micrometer (any frame)|" \
        "ch.qos.logback.:logging (any frame)|" \
        "tools.jackson.:Jackson (any frame)|" \
        "id.pantau.region.:region lookups|" \
        "id.pantau.election.:election lookups (reporting window)|" \
        "org.springframework.transaction.:Spring transactions (any frame)", m, "|")
    for (i = 1; i <= nm; i++) { split(m[i], kv, ":"); marker[i] = kv[1]; label[i] = kv[2] }
}
/^jdk\.ExecutionSample/ { n++; inStack = 0; first = ""; delete seen; thread = ""; next }
/sampledThread = / {
    t = $0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t)
    gsub(/[0-9]+/, "N", t)
    thread = t ($0 ~ /virtual\)/ ? " (virtual)" : "")
    threads[thread]++
    next
}
/stackTrace = \[/ { inStack = 1; next }
inStack && /^ *\]/ {
    inStack = 0
    self[first == "" ? "JDK only" : first]++
    for (i = 1; i <= nm; i++) if (seen[i]) incl[i]++
    next
}
inStack {
    frame = $1
    if (first == "") first = layer(frame)
    for (i = 1; i <= nm; i++) if (!seen[i] && index(frame, marker[i]) == 1) seen[i] = 1
}
END {
    if (n == 0) { print "no execution samples"; exit }
    printf "%d execution samples (Java code on CPU; time in the kernel and in native code is not sampled)\n\n", n
    print "self time by innermost non-JDK frame:"
    for (k in self) printf "  %5.1f%%  %s\n", 100 * self[k] / n, k | "sort -rn"
    close("sort -rn")
    print "\nsamples whose stack contains:"
    for (i = 1; i <= nm; i++) printf "  %5.1f%%  %s\n", 100 * incl[i] / n, label[i] | "sort -rn"
    close("sort -rn")
    print "\nsampled threads:"
    for (k in threads) printf "  %5.1f%%  %s\n", 100 * threads[k] / n, k | "sort -rn | head -12"
    close("sort -rn | head -12")
}

// V8 settings Gatehouse's measured performance depends on, set before anything else is evaluated, so that they hold
// however the process is started (`npm start` passes the same flag; a process manager running `node` may not).
//
// No allocation-site pretenuring: after scavenges that find many in-flight requests' objects alive, V8 decides to
// allocate objects from those sites straight in the old generation, and keeps deciding so although most of them die
// young. Request-lived objects then fill the old generation, every scavenge scans their pointers into the young one
// and mark-compacts must clear them: phone's read, scavenge time 1,672-1,678 -> 738-783 ms for as many scavenges,
// machine CPU per read 1.05-1.09 -> 0.99 ms (docs/performance.md, runtime tuning). The flag is read at each GC, so
// setting it at run time takes effect (measured the same as passing it on the command line).
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');

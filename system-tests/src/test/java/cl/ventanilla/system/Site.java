package cl.ventanilla.system;

import java.net.URI;

/** Where the screens are: the single server of the system tests, or the cluster's gateway. */
interface Site {

    URI uri(String path);
}

"""Where things are: the user's folders, the resources that ship with the application and
the reference data read from them.

Below the services: the domain, the store, the services and the UI may import it, and it
imports only the domain.
"""

from monitor.interfaces.cli import main

main()
